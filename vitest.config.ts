import { defineConfig } from 'vitest/config';
import { ALL, COMMAND, SYSTEM } from './test/layers.js';

// Three layers that run apart (test/layers.ts says what goes where):
//   npm run test:unit      in process, src/ only, no build
//   npm run test:command   the CLI as a user runs it; dist/ is rebuilt first when older than src/ or templates/
//   npm run test:system    strace, headless Chromium, Wine, the bench smoke run; tools from scripts/setup-test-tools.sh
// `vitest run` alone runs all three.
export default defineConfig({
  test: {
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    projects: [
      { extends: true, test: { name: 'unit', include: [ALL], exclude: [...COMMAND, ...SYSTEM] } },
      { extends: true, test: { name: 'command', include: COMMAND, exclude: SYSTEM, globalSetup: ['test/setup/build.ts'] } },
      { extends: true, test: { name: 'system', include: SYSTEM, globalSetup: ['test/setup/system.ts'] } },
    ],
  },
});
