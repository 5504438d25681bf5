/**
 * The three test layers (vitest.config.ts makes each a vitest project; test/layers.test.ts checks the
 * split: a file that runs the CLI or needs a tool must be listed here). A new test file is a unit test
 * unless it matches a command or system pattern.
 *
 *  - unit: in process, imports src/ directly, no build, no outside tool.
 *  - command: runs the CLI (bin/run.js, dist/) as a user does; its global set-up rebuilds dist/ when any
 *    file in src/ or templates/ is newer than what was built (test/setup/build.ts).
 *  - system: needs an outside tool (strace, Chromium, Wine and the Windows node.exe) or runs the bench;
 *    its global set-up calls scripts/setup-test-tools.sh, and a test whose tool is missing is skipped
 *    with one line naming it.
 */
export const SYSTEM: string[] = [
  'test/system/**/*.test.ts',
  'test/live/**/*.test.ts',
  'test/safety/readonly-strace.test.ts',
  'test/safety/*-chromium.test.ts',
  'test/bench/smoke.test.ts',
];

export const COMMAND: string[] = [
  'test/command/**/*.test.ts',
  'test/commands/**/*.test.ts',
  'test/**/cli.test.ts',
  'test/**/*.cli.test.ts',
  'test/scan/fixtures.test.ts',
  'test/fleet/fleet.test.ts',
  'test/bench/version.test.ts',
  // The safety tests run the CLI on hostile copies (the two in-process ones, fuzz and secrets-policy, run
  // here too: cheap, and new safety files land where they can run the CLI).
  'test/safety/**/*.test.ts',
];

export const ALL = 'test/**/*.test.ts';
