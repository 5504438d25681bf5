/** XML readers of the scanner: pure functions over text/Buffers (callers read files through the target). */
export * from './safe.js';
export * from './redact.js';
export * from './applicationhost.js';
export * from './webconfig.js';
export * from './compare.js';
