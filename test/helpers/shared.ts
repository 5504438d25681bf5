import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** ../shared beside the checkout (CI clones main with shared/ beside it). */
export const SHARED = process.env.MFA_SHARED_DIR ?? path.resolve(fileURLToPath(new URL('../../', import.meta.url)), '..', 'shared');
