import { fileURLToPath } from 'node:url';

/**
 * The package's own folders. This module runs from src/report/ (vitest) and from
 * dist/report/ (after tsc): both are two levels below the project root.
 */
export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const TEMPLATES_DIR = fileURLToPath(new URL('../../templates/', import.meta.url));
