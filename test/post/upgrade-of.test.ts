/** fleet --stage post: whether a host's parts reached the target (hosts[].upgrade), from its report's change. */
import { describe, expect, it } from 'vitest';
import { upgradeOf } from '../../src/fleet/summary.js';
import type { Change, ChangeComponent } from '../../src/types.js';

const BASELINE = { file: 'before/mfa01.json', startedAt: '2026-11-19T08:00:00Z', inputDigest: 'sha256:00' };
const change = (statuses: ChangeComponent['status'][], baseline: Change['baseline'] = BASELINE): Change => ({
  baseline,
  components: statuses.map((status, i) => ({
    component: (['server', 'user-portal', 'web-service-sdk', 'mobile-app'] as const)[i],
    before: '7.3.0.3',
    after: status === 'below-target' ? '7.3.0.3' : '8.1.2.1',
    status,
  })),
  virtualDirectories: [],
  settings: [],
  themes: null,
  left: [],
});

describe('upgradeOf', () => {
  it.each([
    ['every part at the target', ['upgraded', 'upgraded'], 'upgraded'],
    ['a part added in the window counts as reaching it', ['upgraded', 'added'], 'upgraded'],
    ['one part still below the target', ['upgraded', 'below-target'], 'partly-upgraded'],
    ['no part reached it', ['below-target', 'below-target'], 'not-upgraded'],
    ['removed by the procedure or left installed: not counted', ['below-target', 'removed-by-procedure', 'left-installed'], 'not-upgraded'],
    ['nothing to compare', ['removed-by-procedure'], null],
    ['versions unknown', ['unknown'], null],
  ] as const)('%s', (_, statuses, want) => {
    expect(upgradeOf(change([...statuses]))).toBe(want);
  });

  it('without the report of before: null (never "upgraded")', () => {
    expect(upgradeOf(change(['upgraded'], null))).toBeNull();
  });
});
