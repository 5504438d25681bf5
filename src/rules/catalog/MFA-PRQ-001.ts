import { STEP } from '../../plan/steps.js';
import { defineRule } from '../types.js';
import { windowsRelease } from '../../util/windows.js';

export default defineRule({
  meta: {
    id: 'MFA-PRQ-001',
    title: '.NET Framework 4.5 or newer is missing',
    severity: 'critical',
    component: 'prerequisites',
    stages: ['pre', 'adfs'],
    pendingOnly: true,
    planSteps: [STEP.installDotnet],
    seed: {
      file: 'upgrade-mfa-server-2024.md',
      section: 'Upgrade to the latest Microsoft Entra Multifactor Authentication Server (introduction)',
    },
    procedure: 'inplace-prerequisites',
    appliesTo: '>=7.0',
    description: 'From 7.0 every component moves from .NET 2.0 to .NET 4.5: NDP\\v4\\Full Release must be at least 378389.',
    messages: {
      unknown:
        'Whether .NET Framework 4.5+ is installed cannot be told: no registry export covers SOFTWARE\\Microsoft\\NET Framework Setup\\NDP.',
      missing:
        '.NET Framework 4.5 or newer is not installed ({{found}}). MFA Server {{target}} and its parts need it: install .NET Framework {{net}} before the window.',
      osCannot:
        '.NET Framework 4.5 or newer is not installed ({{found}}), and {{os}} cannot install it (its newest is .NET Framework 4.0). MFA Server {{target}} and its parts need it: move them to a newer Windows Server.',
    },
  },
  check({ facts, opts }) {
    if (facts.components.length === 0) return [];
    const d = facts.dotnet;
    if (!d.known) {
      return [{ outcome: 'unknown', messageId: 'unknown', evidence: [], key: 'dotnet' }];
    }
    if (d.release !== null && d.release >= 378389) return [];
    // The newest .NET this Windows takes: 4.8, 4.6 on Server 2008 SP2, none on Server 2003.
    const win = windowsRelease(facts.host.os);
    const cannot = win !== null && win.newestNet === null;
    return [
      {
        messageId: cannot ? 'osCannot' : 'missing',
        data: {
          found: d.release === null ? 'no Release value under NDP\\v4\\Full' : `Release ${d.release} < 378389`,
          target: opts.targetVersion,
          net: win?.newestNet?.version ?? '4.8',
          os: win?.name ?? 'this Windows',
        },
        evidence: d.evidence,
        key: 'dotnet',
      },
    ];
  },
});
