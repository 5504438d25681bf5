import type { RuleContext, RuleHit, RuleMeta } from './types.js';

/** The messages both VC++ rules report by id. */
export const VC_MESSAGES = {
  unknown:
    'Whether the {{arch}} Visual C++ 2015+ runtime is installed cannot be told: the registry exports cover neither VisualStudio\\14.0\\VC\\Runtimes\\{{arch}} nor the Uninstall keys.',
  tooOld:
    'The {{arch}} Visual C++ runtime is {{version}}, older than 2015 Update 1 (14.0.23506); MFA Server {{target}} needs it.{{advice}}',
  missing: 'The {{arch}} Visual C++ 2015 Update 1 (or later) runtime is not installed; MFA Server {{target}} needs it.{{advice}}',
} as const;
import type { Severity, VcRuntimeFact } from '../types.js';
import { is32Bit } from '../util/windows.js';

/** MFA-PRQ-002/003: VC++ 2015 Update 1 = 14.0.23506; 2017-2022 write 14.1x-14.4x and count. */
export function vcOk(f: VcRuntimeFact): boolean {
  if (!f.installed || f.major === null) return false;
  const v = [f.major, f.minor ?? 0, f.bld ?? 0];
  const min = [14, 0, 23506];
  for (let i = 0; i < 3; i++) if (v[i] !== min[i]) return v[i] > min[i];
  return true;
}

export function vcRule(meta: Omit<RuleMeta, 'messages'>, arch: 'x64' | 'x86') {
  return {
    meta: { ...meta, messages: VC_MESSAGES },
    check(ctx: RuleContext): RuleHit[] {
      const { facts } = ctx;
      if (facts.components.length === 0) return [];
      // A 32-bit Windows cannot install the x64 runtime and does not need it; the x86 one is needed everywhere.
      if (arch === 'x64' && is32Bit(facts.host.os.architecture)) return [];
      const f = facts.vcredist[arch];
      const severity: Severity = facts.host.hostRole === 'mfa-host' ? 'low' : 'critical';
      const why =
        facts.host.hostRole === 'mfa-host'
          ? ' The MFA Server installer offers to install it: accept the prompt.'
          : ' Install it before running the installer on this server, or it stops with "Microsoft Visual C++ 2015 Redistributable Update 1 or higher is required".';
      if (!f.known) {
        return [{ outcome: 'unknown', severity, messageId: 'unknown', data: { arch }, evidence: [], key: arch }];
      }
      if (vcOk(f)) return [];
      return [
        {
          severity,
          messageId: f.installed ? 'tooOld' : 'missing',
          data: { arch, version: f.version ?? 'of an unknown version', target: ctx.opts.targetVersion, advice: why },
          evidence: f.evidence,
          key: arch,
        },
      ];
    },
  };
}
