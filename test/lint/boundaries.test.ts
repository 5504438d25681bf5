import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

/**
 * The import rules of eslint.config.mjs keep the pipeline one-directional (ARCHITECTURE.md). This runs the
 * project's own config on small virtual files placed in each layer, so a rule that is dropped, narrowed or
 * pointed at the wrong folders fails here, not silently in review.
 */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

function eslint(): ESLint {
  return new ESLint({
    cwd: ROOT,
    // The real config, minus type information: virtual files are in no tsconfig, and only the import rule matters.
    overrideConfig: [
      {
        files: ['**/*.ts'],
        ...tseslint.configs.disableTypeChecked,
        languageOptions: { parserOptions: { project: null, projectService: false } },
      },
    ],
    ruleFilter: ({ ruleId }) => ruleId === 'no-restricted-imports',
  });
}

async function importErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint().lintText(code, { filePath: path.join(ROOT, file) });
  return result.messages.map((m) => `${m.ruleId}: ${m.message}`);
}

const refused: [string, string][] = [
  ['src/rules/catalog/MFA-ZZZ-001.ts', "import { fileEvidence } from '../../probes/context.js';"],
  ['src/rules/helpers-x.ts', "import type { Host } from '../host/types.js';"],
  ['src/plan/x.ts', "import { runProbes } from '../probes/index.js';"],
  ['src/plan/catalog/x.ts', "import { joinWin } from '../../host/paths.js';"],
  ['src/report/x.ts', "import { BundleHost } from '../host/bundle.js';"],
  ['src/fleet/rules/MFA-FLEET-999.ts', "import { INSTALLERS } from '../../probes/index.js';"],
  ['src/post/x.ts', "import { BundleHost } from '../host/bundle.js';"],
  ['src/probes/x.ts', "import { runRules } from '../rules/engine.js';"],
  ['src/probes/x.ts', "import { buildPlan } from '../plan/index.js';"],
  ['src/probes/x.ts', "import { renderHtml } from '../report/html.js';"],
  ['src/host/x.ts', "import { runProbes } from '../probes/index.js';"],
  ['src/registry/x.ts', "import { REGISTRY_INTERESTS } from '../probes/registry.js';"],
  ['src/scan-x.ts', "import Scan from './commands/scan.js';"],
  ['src/cli/x.ts', "import Gate from '../commands/gate.js';"],
  ['src/util/x.ts', "export { default } from '../commands/scan.js';"],
];

const allowed: [string, string][] = [
  [
    'src/rules/catalog/MFA-ZZZ-001.ts',
    "import { fileEvidence } from '../../util/evidence.js';\nimport type { Facts } from '../../types.js';",
  ],
  ['src/plan/x.ts', "import type { RuleHit } from '../rules/types.js';"],
  ['src/report/x.ts', "import { runRules } from '../rules/engine.js';"],
  ['src/probes/x.ts', "import { joinWin } from '../host/paths.js';\nimport { parseRegText } from '../registry/reg-file.js';"],
  ['src/commands/x.ts', "import { scanHost } from '../scan.js';\nimport Other from './gate.js';"],
  ['src/fleet/run.ts', "import { runProbes } from '../probes/index.js';"],
];

describe('layer import rules (eslint.config.mjs)', () => {
  it.each(refused)('%s may not: %s', async (file, code) => {
    const errors = await importErrors(file, code);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^no-restricted-imports: /);
    expect(errors[0]).toMatch(/ARCHITECTURE\.md|src\/commands/);
  });

  it.each(allowed)('%s may: %s', async (file, code) => {
    expect(await importErrors(file, code)).toEqual([]);
  });

  it('the tree keeps the layers today', async () => {
    const results = await eslint().lintFiles(['src/**/*.ts']);
    const hits = results.flatMap((r) =>
      r.messages
        .filter((m) => m.ruleId === 'no-restricted-imports')
        .map((m) => `${path.relative(ROOT, r.filePath)}:${m.line} ${m.message}`),
    );
    expect(hits).toEqual([]);
  });
});

describe('the guard rails run in CI', () => {
  it('npm run lint runs eslint, the format check and knip, and .ci/run runs npm run lint and fails with it', () => {
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts.lint).toMatch(/\beslint\b/);
    expect(pkg.scripts.lint).toMatch(/format:check/);
    expect(pkg.scripts.lint).toMatch(/\bknip\b/);
    expect(pkg.scripts['format:check']).toMatch(/prettier --check/);
    const ci = readFileSync(path.join(ROOT, '.ci', 'run'), 'utf8');
    expect(ci).toMatch(/^npm run lint\b.*\|\| status=\$\?$/m);
    expect(ci).toMatch(/^exit "\$status"$/m);
  });
});
