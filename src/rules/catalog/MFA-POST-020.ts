import { STEP } from '../../plan/steps.js';
import { defineRule, type RuleHit } from '../types.js';
import type { Evidence } from '../../types.js';

const SERVICES = 'HKLM\\SYSTEM\\CurrentControlSet\\Services';
const START_WORDS: Record<number, string> = { 0: 'boot', 1: 'system', 2: 'automatic', 3: 'manual', 4: 'disabled' };

/** Case-insensitive "is this Windows path inside that folder". */
function inside(child: string, folder: string): boolean {
  const c = child.toLowerCase().replace(/\//g, '\\');
  const f = folder.toLowerCase().replace(/\//g, '\\').replace(/\\+$/, '');
  return c.startsWith(`${f}\\`);
}

export default defineRule({
  meta: {
    id: 'MFA-POST-020',
    title: 'The MFA Server service is registered, starts automatically and runs from the install folder',
    severity: 'high',
    severityNote: 'high where the service is not registered or runs from another folder; medium where it does not start automatically',
    component: 'server',
    stages: ['post'],
    goals: ['upgrade', 'migrate'],
    pendingOnly: false,
    planSteps: [STEP.postService],
    seed: { file: 'upgrade-phonefactor-agent-2024.md', section: 'Install the Multi-Factor Authentication Server' },
    procedure: 'pf-install-path',
    description:
      'After the upgrade the MFA Server service (MultiFactorAuthSvc, or pfsvc as the PhoneFactor Agent named it) must be registered in HKLM\\SYSTEM\\CurrentControlSet\\Services, set to start automatically (Start = 2), and its ImagePath must name a program in the install folder, not in a folder left from before (the old PhoneFactor folder after a reinstall elsewhere).',
    messages: {
      notExported:
        'Whether the MFA Server service is registered cannot be told: no registry export covers {{key}}. Add one: reg export {{key}} services.reg /y',
      notRegistered:
        'No MFA Server service is registered ({{names}} under {{key}}): the server does not run. Repair or reinstall MFA Server.',
      notAutomatic:
        'The MFA Server service {{name}} starts {{start}}, not automatically (Start = 2): it will not be running after the next restart. Set its start type to Automatic.',
      elsewhere:
        'The MFA Server service {{name}} runs {{exe}}, outside the install folder {{folder}}: it starts an old or other copy of the server. Reinstall MFA Server so that the service points at {{folder}}, or remove the stale copy.',
      noImagePath: 'The MFA Server service {{name}} has no ImagePath: which program it runs cannot be told.',
    },
  },
  check({ facts, component }) {
    const mfa = component('server') ?? component('agent');
    const s = facts.services;
    if (!mfa || !s) return [];
    if (!s.mfa) {
      const ev: Evidence = {
        source: 'registry',
        location: `${SERVICES}\\${s.mfaNames[0] ?? 'MultiFactorAuthSvc'}`,
        observed: s.known ? 'not present' : 'not in any export',
      };
      return s.known
        ? [{ messageId: 'notRegistered', data: { names: s.mfaNames.join(' or '), key: SERVICES }, evidence: [ev], key: 'service' }]
        : [{ outcome: 'unknown', messageId: 'notExported', data: { key: SERVICES }, evidence: [ev], key: 'service' }];
    }
    const svc = s.mfa;
    const hits: RuleHit[] = [];
    if (svc.start !== 2) {
      const start = svc.start === null ? 'as the default (Start not set)' : `${START_WORDS[svc.start] ?? 'unknown'} (Start = ${svc.start})`;
      hits.push({
        messageId: 'notAutomatic',
        data: { name: svc.name, start },
        severity: 'medium',
        evidence: svc.evidence.slice(0, 1),
        key: 'service-start',
      });
    }
    const folder = mfa.installPath ?? facts.installPaths[0]?.path ?? null;
    if (!svc.executable) {
      hits.push({
        outcome: 'unknown',
        messageId: 'noImagePath',
        data: { name: svc.name },
        evidence: svc.evidence.slice(1),
        key: 'service-image',
      });
    } else if (folder && !inside(svc.executable, folder)) {
      hits.push({
        messageId: 'elsewhere',
        data: { name: svc.name, exe: svc.executable, folder },
        evidence: [...svc.evidence.slice(1), ...mfa.evidence.slice(0, 1)],
        key: 'service-image',
      });
    }
    return hits;
  },
});
