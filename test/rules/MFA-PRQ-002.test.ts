/** MFA-PRQ-002: valid and invalid cases (see tester.ts). */
import { ruleTester } from './tester.js';
import { vcCases } from './hosts.js';

ruleTester('MFA-PRQ-002', vcCases('MFA-PRQ-002', 'x64'));
