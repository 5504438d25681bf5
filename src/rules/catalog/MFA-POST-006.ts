import { STEP } from '../../plan/steps.js';
import { notCarriedOver } from '../../post/compare.js';
import { defineRule, type RuleHit } from '../types.js';

export default defineRule({
  meta: {
    id: 'MFA-POST-006',
    title: 'A User Portal setting was not carried over from the saved web.config',
    severity: 'high',
    component: 'user-portal',
    stages: ['post'],
    pendingOnly: false,
    planSteps: [STEP.postPortalSettings],
    seed: { file: 'upgrade-mfa-server-2024.md', section: 'Upgrade the User Portal' },
    procedure: 'inplace-portal-4',
    description:
      "The User Portal appSettings and applicationSettings values of the web.config saved before the window are in the new web.config: a value that was set and now differs (the installer's default) was not carried over. Settings the new release adds or drops are its own changes; the SDK address is judged by MFA-POST-004 and MFA-CFG-001.",
    messages: {
      notCarried: '{{setting}} was {{old}} in the saved {{saved}} and is {{new}} in {{file}}: set it back to the saved value.',
      noSaved:
        'Whether the User Portal settings were carried over is unknown: {{why}} ({{file}}). Give the saved copy with --backup-dir, or compare it by hand (compare-config OLD NEW).',
    },
  },
  check({ facts }) {
    const hits: RuleHit[] = [];
    for (const s of facts.post?.settings ?? []) {
      if (s.component !== 'user-portal') continue;
      if (!s.differences) {
        hits.push({
          outcome: 'unknown',
          messageId: 'noSaved',
          data: { why: s.error ?? 'not compared', file: s.current },
          evidence: [{ source: 'file', location: s.current, observed: s.error ?? 'not compared' }],
          key: s.current,
        });
        continue;
      }
      for (const d of notCarriedOver(s.differences)) {
        hits.push({
          messageId: 'notCarried',
          data: { setting: d.setting, old: d.old, new: d.new === '' ? 'empty' : d.new, saved: s.saved ?? '', file: s.current },
          evidence: [
            { source: 'file', location: s.saved ?? '', observed: `${d.setting} = ${d.old}` },
            { source: 'file', location: s.current, observed: `${d.setting} = ${d.new}` },
          ],
          key: `${s.current}|${d.setting}`.toLowerCase(),
        });
      }
    }
    return hits;
  },
});
