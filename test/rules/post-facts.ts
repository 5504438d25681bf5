/** Facts and a baseline for the MFA-POST rules' tests (stage post). */
import type { ComponentFact, Report } from '../../src/types.js';
import type { Baseline, PostFacts } from '../../src/post/types.js';
import { sampleReport } from '../report/sample.js';
import { comp } from './facts.js';

export const POST = { stage: 'post' as const };
export const BASE_FILE = 'reports/mfa-readiness-MFA01-2026-11-20.json';

/** The report taken before the window, with these components (host MFA01, stage pre). */
export function baseline(components: ComponentFact[]): Baseline {
  const r: Report = sampleReport();
  r.inventory.components = components;
  return { file: BASE_FILE, report: r };
}

export function post(over: Partial<PostFacts> = {}): PostFacts {
  return {
    settings: [],
    themes: null,
    appPools: [],
    appHostPath: 'C:\\Windows\\System32\\inetsrv\\config\\applicationHost.config',
    ...over,
  };
}

/** An MFA Server 7.3 host before the window: server, portal, SDK, Mobile App. */
export const before73 = (): ComponentFact[] => [
  comp('server', '7.3.0.3'),
  comp('user-portal', '7.3.0.3'),
  comp('web-service-sdk', '7.3.0.3'),
  comp('mobile-app', '7.3.0.3'),
];
/** The same host at 8.1 after the window, Mobile App uninstalled. */
export const after81 = (): ComponentFact[] => [
  comp('server', '8.1.2.1'),
  comp('user-portal', '8.1.2.1'),
  comp('web-service-sdk', '8.1.2.1'),
];
