import type { StepDef } from '../types.js';
import { ADFS_STEPS } from './adfs.js';
import { PREPARE_STEPS } from './prepare.js';
import { SERVER_STEPS } from './server.js';
import { WEB_STEPS } from './web.js';
import { POST_STEPS } from './post.js';

/**
 * Every step the procedures can call for, in procedure order: before the window, the MFA Server, the web
 * parts, the AD FS adapter. The order matters only for `after`: a step comes after the steps it names that
 * are planned before it in this list.
 *
 * Adding a step: give it an id in ../steps.ts (a public contract: reports, waves and rules name it), add its
 * record to the part's list here (when, title, detail, after), and name it in the `planSteps` of each rule
 * whose findings call for it; `because` follows from those. test/plan/ checks ids, links and order.
 */
export const STEP_CATALOG: readonly StepDef[] = [...PREPARE_STEPS, ...SERVER_STEPS, ...WEB_STEPS, ...ADFS_STEPS, ...POST_STEPS];
