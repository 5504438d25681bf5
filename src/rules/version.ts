/** Bump when a rule is added or changes what it fires on: reports say which catalog they used. */
export const RULESET_VERSION = '2026.11.1';
