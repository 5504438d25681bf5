/**
 * compare-config's two sections (issue 11 item 18): what to carry over from the old file (appSettings,
 * applicationSettings with the SDK URL, the portal theme) apart from what the new release changes on purpose
 * (.NET 2.0 -> 4.0 section types, assembly versions, targetFramework); a cleared secret is "empty", not
 * "[redacted]".
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { changesFramework, compareConfigs, differenceSection } from '../../src/xml/compare.js';
import { REDACTED } from '../../src/xml/redact.js';
import type { ConfigDifference } from '../../src/types.js';

const DATA = join(import.meta.dirname, 'data');
const read = (f: string): Buffer => readFileSync(join(DATA, f));

function diff(a: string, b: string): ConfigDifference[] {
  const r = compareConfigs(read(a), read(b));
  if (!r.ok) throw new Error(r.error);
  return r.differences;
}

describe("a 6.x User Portal web.config against the new release's", () => {
  const d = diff('userportal-6x.web.config', 'userportal-8x.web.config');
  const section = (s: string) => d.filter((x) => differenceSection(x) === s).map((x) => x.path);

  it('carries over the settings: appSettings, the SDK URL, the theme', () => {
    expect(section('carry-over')).toEqual([
      "/configuration/appSettings/add[@key='LOGOUT_URL']/@value",
      "/configuration/appSettings/add[@key='USE_WEB_SERVICE_SDK']/@value",
      "/configuration/appSettings/add[@key='WEB_SERVICE_SDK_AUTHENTICATION_USERNAME']/@value",
      "/configuration/appSettings/add[@key='WEB_SERVICE_SDK_AUTHENTICATION_PASSWORD']/@value",
      '/configuration/system.web/pages/@theme',
      "/configuration/applicationSettings/pfup.Properties.Settings/setting[@name='pfup_pfwssdk_PfWsSdk']/value",
    ]);
  });

  it("keeps the release's own changes apart: section types 2.0 -> 4.0, assemblies, targetFramework, a new setting", () => {
    const rel = section('release');
    expect(rel).toContain("/configuration/configSections/sectionGroup[@name='applicationSettings']/@type");
    expect(rel).toContain("/configuration/configSections/sectionGroup[@name='system.web.extensions']");
    expect(rel).toContain('/configuration/system.web/compilation/@targetFramework');
    expect(rel).toContain('/configuration/system.web/compilation/assemblies');
    expect(rel).toContain('/configuration/system.web/httpRuntime');
    expect(rel).toContain("/configuration/appSettings/add[@key='ENABLE_REMEMBER_MULTIFACTOR']");
    expect(rel.some((p) => p.includes("appSettings/add[@key='LOGOUT_URL"))).toBe(false);
    expect(changesFramework(d)).toBe(true);
  });

  it('a password cleared in the new file is old [redacted], new empty; its value never shows', () => {
    const pw = d.find((x) => x.path.includes('WEB_SERVICE_SDK_AUTHENTICATION_PASSWORD'))!;
    expect(pw).toEqual({
      kind: 'changed',
      path: "/configuration/appSettings/add[@key='WEB_SERVICE_SDK_AUTHENTICATION_PASSWORD']/@value",
      old: REDACTED,
      new: '',
    });
    expect(JSON.stringify(d)).not.toContain('Old-Portal-Pa55');
  });

  it('two files of the same release: no framework change', () => {
    expect(changesFramework(diff('userportal-8x.web.config', 'userportal-8x.web.config'))).toBe(false);
  });
});

describe('the AD FS adapter config (not a web.config)', () => {
  it("every old value is to carry over; an element new in the release is the release's", () => {
    const d = diff('adapter.old.config', 'adapter.new.config');
    expect(d.map((x) => [differenceSection(x), x.path])).toEqual([
      ['carry-over', '/ConfigurationData/WebServiceSdkUrl'],
      ['carry-over', '/ConfigurationData/WebServiceSdkCertificateThumbprint'],
      ['carry-over', '/ConfigurationData/WebServiceSdkPassword'],
      ['carry-over', '/ConfigurationData/LegacyTimeoutSeconds'],
      ['release', '/ConfigurationData/ServerTimeoutSeconds'],
    ]);
    expect(changesFramework(d)).toBe(false);
  });
});
