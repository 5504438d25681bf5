import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BundleHost } from '../../src/host/bundle.js';
import { renderJson } from '../../src/report/json.js';
import { REPORT_KEY_ORDER } from '../../src/report/report.generated.js';
import { scanTarget } from '../../src/scan.js';
import type { Report } from '../../src/types.js';
import { hostNames, stageHost } from '../helpers/hosts.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

async function scanned(name: string): Promise<string> {
  const host = await BundleHost.open(stageHost(name));
  const { report } = await scanTarget(host, {
    targetVersion: '8.1',
    stage: name.includes('stage-adfs') ? 'adfs' : 'pre',
    failOn: 'critical',
    now: '2026-11-21T09:00:00.000Z',
  });
  return renderJson(report);
}

describe('the report schema is the one source of the report shape', () => {
  it('src/report/report.generated.ts is what scripts/gen-types.mjs makes of the schema now', async () => {
    const { generate } = (await import(join(ROOT, 'scripts', 'gen-types.mjs'))) as { generate: () => Promise<string> };
    const committed = readFileSync(join(ROOT, 'src', 'report', 'report.generated.ts'), 'utf8');
    expect(committed, 'stale: run node scripts/gen-types.mjs (npm run build does)').toBe(await generate());
  }, 30_000);

  it.each(hostNames())('fixture %s: every key the scanner writes is a property of the schema, in the schema order', async (name) => {
    const text = await scanned(name);
    const unlisted: string[] = [];
    const walk = (v: unknown, path: string): void => {
      if (Array.isArray(v)) return v.forEach((x) => walk(x, `${path}[]`));
      if (v === null || typeof v !== 'object') return;
      const keys = Object.keys(v);
      const order = REPORT_KEY_ORDER.get(path);
      for (const k of keys) if (!order?.includes(k)) unlisted.push(path === '' ? k : `${path}.${k}`);
      if (order) expect(keys, path).toEqual(order.filter((k) => keys.includes(k)));
      for (const k of keys) walk((v as Record<string, unknown>)[k], path === '' ? k : `${path}.${k}`);
    };
    walk(JSON.parse(text), '');
    expect(unlisted).toEqual([]);
    // and writing it again gives the same bytes
    expect(renderJson(JSON.parse(text) as Report)).toBe(text);
  });

  it('keys the schema does not list follow in code-unit order, and an Object method name is an ordinary key', async () => {
    const r = JSON.parse(await scanned('ready-8x')) as Report & Record<string, unknown>;
    const out = JSON.parse(renderJson({ ...r, zeta: 1, toString: { a: 1 }, alpha: 2 } as Report)) as Record<string, unknown>;
    expect(Object.keys(out).slice(-3)).toEqual(['alpha', 'toString', 'zeta']);
    expect(out.toString).toEqual({ a: 1 });
  });
});
