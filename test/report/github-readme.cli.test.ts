import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, cli, stageHost, tmp } from '../safety/helpers.js';

/** The README's CI recipes are real: their scan and gate lines, run as written against a fixture host. */
const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const section = readme.slice(readme.indexOf('\n## CI\n'), readme.indexOf('\n## ', readme.indexOf('\n## CI\n') + 5));
const blocks = [...section.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]);
/** The scan and gate lines of the GitHub (first) or Azure DevOps (second) recipe. */
const commands = (flavour: string) =>
  [...blocks[flavour === 'github' ? 0 : 1].matchAll(/(?:run|script): (mfa-readiness (?:scan|gate) .+)$/gm)].map((m) => m[1]);

describe('README "CI"', () => {
  for (const flavour of ['github', 'azure']) {
    it(`${flavour}: scan exits 0, gate fails the job on the fixture's open high findings, the gated files are written`, () => {
      const cmds = commands(flavour);
      expect(cmds.map((c) => c.split(' ')[1])).toEqual(['scan', 'gate']);
      const cwd = tmp(`readme-ci-${flavour}`);
      cpSync(stageHost('pf-agent-5x-all-in-one'), path.join(cwd, 'bundles', 'MFA01'), { recursive: true, preserveTimestamps: true });
      writeFileSync(
        path.join(cwd, 'waivers.yml'),
        'waivers:\n  - rule: MFA-LIFE-001\n    reason: "Upgrade is the first step of the cloud migration, CHG0012345"\n    expires: 2099-01-31\n',
      );
      const summary = path.join(cwd, 'summary.md');
      const env: Record<string, string> = flavour === 'github' ? { GITHUB_STEP_SUMMARY: summary } : {};
      const scan = cli(cmds[0].split(' ').slice(1), { cwd, env });
      expect(scan.code, scan.stderr).toBe(0);
      const gate = cli(cmds[1].split(' ').slice(1), { cwd, env });
      expect(gate.code, gate.stderr).toBe(1);
      expect(gate.stdout).toMatch(/^gate: fail \(fail-on high\): 1 critical, 4 high, .*; 1 waived/m);
      expect(gate.stdout).toMatch(/^ {2}critical MFA-BKP-001 The data file has no backup /m);
      for (const ext of ['.junit.xml', '.md']) expect(existsSync(path.join(cwd, 'reports', `mfa01-gated${ext}`)), ext).toBe(true);
      if (flavour === 'github') {
        expect(gate.stdout).toMatch(/^::error file=reports\/mfa01-gated\.md,title=MFA-BKP-001 /m);
        expect(readFileSync(summary, 'utf8')).toMatch(/^### ❌ PF01: Not ready, gate FAIL at fail-on high/);
      } else {
        expect(gate.stdout).toMatch(/^##vso\[task\.logissue type=error;sourcepath=reports\/mfa01-gated\.md;code=MFA-BKP-001;\]/m);
        expect(gate.stdout).toContain('##vso[task.complete result=Failed;]');
      }
    });
  }
});
