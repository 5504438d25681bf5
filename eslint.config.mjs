// Lint: typescript-eslint with type information (recommendedTypeChecked) over src/ and test/, plain
// recommended rules over the .mjs scripts, and the import rules that keep the pipeline one-directional
// (ARCHITECTURE.md): host -> probes -> rules -> plan -> report, commands on top of everything.
// `npm run lint` runs this, `prettier --check` and knip; test/lint/boundaries.test.ts proves the import rules bite.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * The layer rules. Each entry: the files it applies to and the folders (under src/) they may not import.
 * no-restricted-imports matches the import string, so a pattern is a regular expression on the relative
 * path: "(^|/)probes/" catches '../probes/x.js' and '../../probes/x.js' alike. No folder named like a
 * layer exists inside another layer, so the match cannot hit a neighbour by accident.
 */
export const LAYERS = [
  {
    name: 'rules, plan and report work on facts and findings only',
    files: ['src/rules/**/*.ts', 'src/plan/**/*.ts', 'src/report/**/*.ts', 'src/fleet/rules/**/*.ts', 'src/post/**/*.ts'],
    forbidden: ['probes', 'host'],
  },
  {
    name: 'probes gather facts and never judge',
    files: ['src/probes/**/*.ts'],
    forbidden: ['rules', 'plan', 'report'],
  },
  {
    name: 'the host layer and the registry reader know nothing of probes',
    files: ['src/host/**/*.ts', 'src/registry/**/*.ts'],
    forbidden: ['probes', 'rules', 'plan', 'report'],
  },
];

/** A regular expression matching a relative import of src/<folder>/... */
const layerRegex = (folders) => `^(\\.\\.?/)+(${folders.join('|')})(/|$)`;

const commandsRule = {
  regex: layerRegex(['commands']),
  message: 'nothing in src/ imports src/commands (the commands sit on top; move what is shared to src/cli or src/util)',
};

const layerConfigs = LAYERS.map((l) => ({
  name: `layers: ${l.name}`,
  files: l.files,
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          { regex: layerRegex(l.forbidden), message: `${l.name}: src/${l.files[0].split('/')[1]} may not import src/{${l.forbidden.join(',')}} (ARCHITECTURE.md)` },
          commandsRule,
        ],
      },
    ],
  },
}));

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'fixtures/**',
      'templates/**',
      'pack/**',
      '.tmp/**',
      '.cache/**',
      'test/data/**',
      'oclif.manifest.json',
      // generated (scripts/gen-types.mjs, scripts/gen-validators.mjs, scripts/gen-rules.mjs); their tests check freshness
      'src/**/*.generated.ts',
      'src/rules/index.ts',
    ],
  },
  {
    name: 'typescript (type-checked)',
    files: ['src/**/*.ts', 'test/**/*.ts', 'vitest.config.ts'],
    extends: [js.configs.recommended, ...tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { project: ['./tsconfig.test.json'], tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // Off: the report, facts and parsed XML/JSON are walked as plain data in many places; typing every
      // parsed node is a bigger change than this step (the JSON inputs are schema-checked where they enter).
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      // Off: Host, the bundle writer and test doubles implement async interfaces; a method with nothing to
      // await stays async so it rejects instead of throwing, as the real implementations do.
      '@typescript-eslint/require-await': 'off',
      // Off: stripping and testing for control characters (terminal output, XML 1.0, .reg files) is the point.
      'no-control-regex': 'off',
      'no-empty': ['error', { allowEmptyCatch: true }],
    },
  },
  {
    name: 'src: nothing imports src/commands',
    files: ['src/**/*.ts'],
    ignores: ['src/commands/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [commandsRule] }] },
  },
  ...layerConfigs,
  {
    name: 'tests',
    files: ['test/**/*.ts'],
    rules: {
      // Off in tests: vitest's expect(fn).rejects and mocks pass methods around on purpose.
      '@typescript-eslint/unbound-method': 'off',
      // Off in tests: they read saved reports and parsed JSON as loose data on purpose.
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
  {
    name: 'scripts and bench (plain JavaScript, no type information)',
    files: ['scripts/**/*.mjs', 'bench/**/*.mjs', 'bin/**/*.js', 'eslint.config.mjs'],
    extends: [js.configs.recommended],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      'no-empty': ['error', { allowEmptyCatch: true }],
      'no-control-regex': 'off',
    },
  },
);
