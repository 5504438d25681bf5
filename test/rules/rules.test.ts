/**
 * Table-driven rule tests in the style of ESLint's RuleTester: for each rule, `valid` cases (facts and options
 * under which it must stay silent: facts fine, wrong stage, nothing pending, wrong host) and `invalid` cases
 * (the findings it must report, with severity, outcome and component). Each case runs the rule alone through
 * the engine (`runRules(facts, opts, [rule])`), so stage and pending-upgrade gating are tested too.
 */
import { describe, expect, it } from 'vitest';
import { computeUpgradePath, runRules } from '../../src/rules/engine.js';
import { findingId } from '../../src/rules/id.js';
import { RULES } from '../../src/rules/index.js';
import { expiredWaiverFindings } from '../../src/report/waivers.js';
import type { Facts, Finding, ScanOptions, Severity } from '../../src/types.js';
import { backup, candidate, comp, makeFacts, opts, sdkUrl, theme, vc, vdir, webConfig } from './facts.js';

interface Case {
  name: string;
  facts: Facts;
  opts?: Partial<ScanOptions>;
}
interface Expected {
  severity: Severity;
  outcome?: 'fail' | 'unknown';
  component?: Finding['component'];
  /** Must match the finding's message. */
  message?: RegExp;
}
interface Invalid extends Case {
  findings: Expected[];
}

function ruleById(id: string) {
  const r = RULES.find((x) => x.meta.id === id);
  if (!r) throw new Error(`${id} is not in RULES`);
  return r;
}

function matches(f: Finding, e: Expected): boolean {
  return f.severity === e.severity && f.outcome === (e.outcome ?? 'fail') && (e.component === undefined || f.component === e.component) && (e.message === undefined || e.message.test(f.message));
}

/** Runs `valid` and `invalid` cases of one rule. */
function ruleTester(id: string, cases: { valid: Case[]; invalid: Invalid[] }): void {
  const rule = ruleById(id);
  describe(id, () => {
    it.each(cases.valid.map((c) => [c.name, c] as const))('valid: %s', (_n, c) => {
      const run = runRules(c.facts, opts(c.opts), [rule]);
      expect(run.findings.map((f) => `${f.outcome} ${f.severity}: ${f.message}`)).toEqual([]);
    });
    it.each(cases.invalid.map((c) => [c.name, c] as const))('invalid: %s', (_n, c) => {
      const run = runRules(c.facts, opts(c.opts), [rule]);
      const got = run.findings;
      expect(got.map((f) => `${f.outcome} ${f.severity} ${f.component}: ${f.message}`)).toHaveLength(c.findings.length);
      // Each expected finding matches a distinct reported one (message included).
      const left = [...got];
      for (const e of c.findings) {
        const i = left.findIndex((f) => matches(f, e));
        expect(i, `no finding matches ${JSON.stringify({ ...e, message: String(e.message) })} in ${JSON.stringify(left.map((f) => f.message))}`).toBeGreaterThanOrEqual(0);
        left.splice(i, 1);
      }
      // What the engine adds from the catalog.
      for (const f of got) {
        expect(f.ruleId).toBe(id);
        expect(f.title).toBe(rule.meta.title);
        expect(f.seed).toEqual(rule.meta.seed);
        expect(f.id).toMatch(new RegExp(`^${id}-[0-9a-f]{8}$`));
        expect(f.waiver).toBeNull();
        expect(f.message.length).toBeGreaterThan(0);
      }
      expect(new Set(got.map((f) => f.id)).size).toBe(got.length);
    });
  });
}

// ---- Common hosts ---------------------------------------------------------------------------------------

const DATA = 'C:\\Program Files\\Multi-Factor Authentication Server\\Data\\PhoneFactor.pfdata';
const PF_DATA = 'C:\\Program Files\\PhoneFactor\\Data\\PhoneFactor.pfdata';
const PORTAL_WC = 'C:\\inetpub\\wwwroot\\MultiFactorAuth\\web.config';
const MOBILE_WC = 'C:\\inetpub\\wwwroot\\MultiFactorAuthMobileAppWebService\\web.config';
const ADFS_DIR = 'C:\\Program Files\\Multi-Factor Authentication Server';
const ADFS_CFG = `${ADFS_DIR}\\MultiFactorAuthenticationAdfsAdapter.config`;

/** MFA Server 7.0 below the 8.1 target: upgrade path in-place. */
const server70 = () => comp('server', '7.0.2.1');
/** MFA Server at the target: upgrade path none. */
const server81 = () => comp('server', '8.1.0.0');
/** PhoneFactor Agent 5.x: upgrade path phonefactor-agent. */
const agent5 = () => comp('agent', '5.2.1.2');

function mfaHost(over: Parameters<typeof makeFacts>[0] = {}, server = server70()): Facts {
  return makeFacts({ components: [server], dataFile: backup(DATA), ...over });
}

function adfsHost(version = '7.3.0.3', over: Parameters<typeof makeFacts>[0] = {}): Facts {
  const files = ['MultiFactorAuthenticationAdfsAdapterSetup64.msi', 'Register-MultiFactorAuthenticationAdfsAdapter.ps1', 'Unregister-MultiFactorAuthenticationAdfsAdapter.ps1', 'MultiFactorAuthenticationAdfsAdapter.config'];
  return makeFacts({
    components: [comp('adfs-adapter', version)],
    adfs: {
      folder: ADFS_DIR,
      files: files.map((name) => ({ name, present: true, path: `${ADFS_DIR}\\${name}` })),
      registerScript: { path: `${ADFS_DIR}\\Register-MultiFactorAuthenticationAdfsAdapter.ps1`, passesConfigurationFilePath: true, readError: null },
      config: { path: ADFS_CFG, exists: true, parseError: null, backup: backup(ADFS_CFG, [candidate('E:\\Backups\\ADFS\\MultiFactorAuthenticationAdfsAdapter.config', true, { reason: 'backup-folder' })]) },
      configDiff: null,
      oldProviderName: 'AzureMfaServerAuthentication',
    },
    ...over,
  });
}

function withAdfs(f: Facts, patch: Partial<NonNullable<Facts['adfs']>>): Facts {
  return { ...f, adfs: { ...f.adfs!, ...patch } };
}

// ---- Inventory and path ---------------------------------------------------------------------------------

ruleTester('MFA-INV-001', {
  valid: [{ name: 'no component found', facts: makeFacts() }],
  invalid: [
    { name: 'in-place: names the path and each component', facts: makeFacts({ components: [server70(), comp('user-portal', '7.0.2.1')] }), findings: [{ severity: 'info', message: /Upgrade path: in-place.*server 7\.0\.2\.1.*user-portal 7\.0\.2\.1.*\/MultiFactorAuth/ }] },
    { name: 'phonefactor-agent path', facts: makeFacts({ components: [agent5()] }), findings: [{ severity: 'info', message: /Upgrade path: phonefactor-agent.*agent 5\.2\.1\.2/ }] },
    { name: 'at the target (inventory runs on an up-to-date host)', facts: makeFacts({ components: [server81()] }), findings: [{ severity: 'info', message: /Upgrade path: none/ }] },
    { name: 'stage adfs too', facts: makeFacts({ components: [server70()] }), opts: { stage: 'adfs' }, findings: [{ severity: 'info' }] },
  ],
});

ruleTester('MFA-INV-002', {
  valid: [
    { name: 'install path exists', facts: mfaHost({ installPaths: [{ path: 'C:\\Program Files\\PhoneFactor', exists: true, evidence: { source: 'registry', location: 'HKLM\\SOFTWARE\\WOW6432Node\\Positive Networks\\PhoneFactor\\InstallPath', observed: 'C:\\Program Files\\PhoneFactor' } }] }) },
    { name: 'stage adfs', facts: mfaHost({ installPaths: [{ path: 'D:\\PhoneFactor', exists: false, evidence: { source: 'registry', location: 'x', observed: 'D:\\PhoneFactor' } }] }), opts: { stage: 'adfs' } },
  ],
  invalid: [
    {
      name: 'the registry names a missing folder',
      facts: makeFacts({ components: [agent5()], installPaths: [{ path: 'C:\\Program Files\\PhoneFactor', exists: false, evidence: { source: 'registry', location: 'HKLM\\SOFTWARE\\WOW6432Node\\Positive Networks\\PhoneFactor\\InstallPath', observed: 'C:\\Program Files\\PhoneFactor' } }] }),
      findings: [{ severity: 'high', component: 'server', message: /C:\\Program Files\\PhoneFactor.*does not exist/ }],
    },
    {
      name: 'the drive is not in the copy: unknown',
      facts: makeFacts({ components: [server70()], installPaths: [{ path: 'D:\\MFA', exists: null, evidence: { source: 'registry', location: 'HKLM\\...\\InstallLocation', observed: 'D:\\MFA' } }] }),
      findings: [{ severity: 'high', outcome: 'unknown', message: /drive D:/ }],
    },
  ],
});

// rules.md: only the upgrade rules (backups, prerequisites, vdirs, components, HA, AD FS) wait for a pending
// upgrade; "a host already at the target gets the inventory and lifecycle findings". MFA-INV-002 is an
// inventory rule with pendingOnly: true, so this case fails (see the report).
describe('MFA-INV-002 on a host at the target', () => {
  it('still reports a registry install path that does not exist (inventory is not pendingOnly)', () => {
    const f = makeFacts({ components: [server81()], installPaths: [{ path: 'C:\\Program Files\\PhoneFactor', exists: false, evidence: { source: 'registry', location: 'HKLM\\SOFTWARE\\Positive Networks\\PhoneFactor\\InstallPath', observed: 'C:\\Program Files\\PhoneFactor' } }] });
    const run = runRules(f, opts(), [ruleById('MFA-INV-002')]);
    expect(run.upgradePath).toBe('none');
    expect(run.findings.map((x) => x.ruleId)).toEqual(['MFA-INV-002']);
  });
});

ruleTester('MFA-INV-003', {
  valid: [
    { name: 'a component is found', facts: makeFacts({ components: [server81()] }) },
    { name: 'the exports do not cover Uninstall (absence not proven)', facts: makeFacts({ registry: { coversUninstall: false, files: 1 } }) },
  ],
  invalid: [
    { name: 'nothing found and Uninstall covered', facts: makeFacts(), findings: [{ severity: 'info', component: 'host', message: /nothing to upgrade/ }] },
    { name: 'stage adfs too', facts: makeFacts(), opts: { stage: 'adfs' }, findings: [{ severity: 'info' }] },
  ],
});

ruleTester('MFA-INV-004', {
  valid: [{ name: 'every version known', facts: makeFacts({ components: [server70(), comp('user-portal', '7.0.2.1')] }) }],
  invalid: [
    {
      name: 'portal found by files only: finding per component, on that component',
      facts: makeFacts({ components: [server70(), comp('user-portal', null)] }),
      findings: [{ severity: 'medium', component: 'user-portal', message: /user-portal was found at C:\\inetpub\\wwwroot\\MultiFactorAuth/ }],
    },
    { name: 'two unknown versions', facts: makeFacts({ components: [comp('server', null), comp('web-service-sdk', null)] }), findings: [{ severity: 'medium', component: 'server' }, { severity: 'medium', component: 'web-service-sdk' }] },
  ],
});

ruleTester('MFA-INV-005', {
  valid: [{ name: 'Uninstall keys covered', facts: makeFacts({ components: [server70()] }) }],
  invalid: [
    { name: 'no registry export at all', facts: makeFacts({ registry: { coversUninstall: false, files: 0 } }), findings: [{ severity: 'high', component: 'host', message: /reg export/ }] },
    { name: 'exports without the Uninstall key, host at target', facts: makeFacts({ components: [server81()], registry: { coversUninstall: false, files: 3 } }), findings: [{ severity: 'high', message: /3 file\(s\)/ }] },
  ],
});

ruleTester('MFA-INP-001', {
  valid: [{ name: 'everything read', facts: makeFacts({ components: [server70()] }) }],
  invalid: [
    {
      name: 'unreadable evidence',
      facts: makeFacts({ problems: [{ location: 'registry/software.reg:1204', message: 'bad hex value' }, { location: 'C:\\inetpub\\wwwroot\\MultiFactorAuth\\web.config', message: 'permission denied' }] }),
      findings: [{ severity: 'medium', component: 'host', message: /2 item\(s\).*software\.reg:1204/ }],
    },
  ],
});

ruleTester('MFA-LIFE-001', {
  valid: [{ name: 'no component', facts: makeFacts() }],
  invalid: [
    { name: 'an old server', facts: makeFacts({ components: [server70()] }), findings: [{ severity: 'high', message: /September 30, 2024/ }] },
    { name: 'a server at the target (lifecycle runs on an up-to-date host)', facts: makeFacts({ components: [server81()] }), findings: [{ severity: 'high' }] },
    { name: 'an AD FS host at stage adfs', facts: adfsHost(), opts: { stage: 'adfs' }, findings: [{ severity: 'high' }] },
  ],
});

// ---- Backups ----------------------------------------------------------------------------------------------

ruleTester('MFA-BKP-001', {
  valid: [
    { name: 'a backup exists', facts: mfaHost({ dataFile: backup(DATA, [candidate(`${DATA}.bak`, true)]) }) },
    { name: 'only a stale backup (that is MFA-BKP-002)', facts: mfaHost({ dataFile: backup(DATA, [candidate(`${DATA}.bak`, false)]) }) },
    { name: 'stage adfs', facts: mfaHost(), opts: { stage: 'adfs' } },
    { name: 'at the target: nothing pending', facts: mfaHost({}, server81()) },
    { name: 'data file missing (that is MFA-BKP-003)', facts: mfaHost({ dataFile: backup(DATA, [], { exists: false, source: 'none' }) }) },
  ],
  invalid: [
    { name: 'role unknown: critical', facts: mfaHost(), findings: [{ severity: 'critical', component: 'data', message: /No backup of the data file/ }] },
    { name: 'primary: critical', facts: mfaHost({ host: { roles: { replication: 'primary', source: 'bundle' } } }), findings: [{ severity: 'critical' }] },
    { name: 'standalone: critical', facts: mfaHost({ host: { roles: { replication: 'standalone', source: 'flag' } } }), findings: [{ severity: 'critical' }] },
    { name: 'subordinate: low', facts: mfaHost({ host: { roles: { replication: 'subordinate', source: 'bundle' } } }), findings: [{ severity: 'low', message: /subordinate/ }] },
    { name: 'PhoneFactor Agent, data file described in manifest.json', facts: makeFacts({ components: [agent5()], dataFile: backup(PF_DATA, [], { source: 'manifest', size: 73400320 }) }), findings: [{ severity: 'critical' }] },
  ],
});

ruleTester('MFA-BKP-002', {
  valid: [
    { name: 'one current backup among stale ones', facts: mfaHost({ dataFile: backup(DATA, [candidate(`${DATA}.old`, false), candidate('E:\\Backups\\MFA\\Data\\PhoneFactor.pfdata', true, { reason: 'same-content' })]) }) },
    { name: 'no backup at all (that is MFA-BKP-001)', facts: mfaHost() },
    { name: 'at the target', facts: mfaHost({ dataFile: backup(DATA, [candidate(`${DATA}.bak`, false)]) }, server81()) },
  ],
  invalid: [
    { name: 'stale backup, primary: high', facts: mfaHost({ host: { roles: { replication: 'primary' } }, dataFile: backup(DATA, [candidate(`${DATA}.20261001`, false)]) }), findings: [{ severity: 'high', component: 'data', message: /1 backup\(s\).*none current/ }] },
    { name: 'stale backup, subordinate: low', facts: mfaHost({ host: { roles: { replication: 'subordinate' } }, dataFile: backup(DATA, [candidate(`${DATA}.bak`, false)]) }), findings: [{ severity: 'low' }] },
  ],
});

ruleTester('MFA-BKP-003', {
  valid: [
    { name: 'data file on disk', facts: mfaHost() },
    { name: 'a web host has no data file', facts: makeFacts({ components: [comp('user-portal', '7.0.2.1')] }) },
    { name: 'at the target', facts: mfaHost({ dataFile: null }, server81()) },
  ],
  invalid: [
    { name: 'data file missing from the install folder', facts: mfaHost({ dataFile: backup(DATA, [], { exists: false, source: 'none', size: null, mtime: null }) }), findings: [{ severity: 'high', component: 'data', message: /Data\\PhoneFactor\.pfdata is not there/ }] },
    { name: 'no install folder to look in', facts: mfaHost({ dataFile: null }), findings: [{ severity: 'high' }] },
  ],
});

// rules.md "Unknown": where a rule's facts could not be read, the finding is `unknown`. Here the registry's
// install path is on a drive the copy does not have (MFA-INV-002 says unknown), so the data file's absence is
// not established. MFA-BKP-003 reports `fail` instead (see the report).
describe('MFA-BKP-003 with the install drive absent from the copy', () => {
  it('is unknown, not fail', () => {
    const f = mfaHost({ dataFile: null, installPaths: [{ path: 'D:\\MFA', exists: null, evidence: { source: 'registry', location: 'HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\{x}\\InstallLocation', observed: 'D:\\MFA' } }] });
    const run = runRules(f, opts(), [ruleById('MFA-BKP-003')]);
    expect(run.findings.map((x) => `${x.outcome} ${x.severity}`)).toEqual(['unknown high']);
  });
});

const portalHost = (wc: Facts['userPortal'], server = server70()) => makeFacts({ components: [server, comp('user-portal', server.version)], dataFile: backup(DATA), userPortal: wc });

ruleTester('MFA-BKP-010', {
  valid: [
    { name: 'a current backup beside it', facts: portalHost({ webConfig: webConfig(PORTAL_WC, [candidate(`${PORTAL_WC}.bak`, true)]), themes: [] }) },
    { name: 'a same-content copy in a backup folder', facts: portalHost({ webConfig: webConfig(PORTAL_WC, [candidate('E:\\Backups\\MultiFactorAuth\\web.config', true, { reason: 'same-content' })]), themes: [] }) },
    { name: 'stage adfs', facts: portalHost({ webConfig: webConfig(PORTAL_WC, []), themes: [] }), opts: { stage: 'adfs' } },
    { name: 'at the target', facts: portalHost({ webConfig: webConfig(PORTAL_WC, []), themes: [] }, server81()) },
    { name: 'no portal', facts: mfaHost() },
  ],
  invalid: [
    { name: 'no backup', facts: portalHost({ webConfig: webConfig(PORTAL_WC, []), themes: [] }), findings: [{ severity: 'high', component: 'user-portal', message: /No backup of C:\\inetpub\\wwwroot\\MultiFactorAuth\\web\.config/ }] },
    { name: 'only an older copy', facts: portalHost({ webConfig: webConfig(PORTAL_WC, [candidate('C:\\inetpub\\wwwroot\\web.config - Copy', false)]), themes: [] }), findings: [{ severity: 'high', message: /older/ }] },
    { name: 'web.config not found: unknown', facts: portalHost({ webConfig: null, themes: [] }), findings: [{ severity: 'high', outcome: 'unknown' }] },
    { name: 'a web host (portal on its own server)', facts: makeFacts({ components: [comp('user-portal', '7.0.2.1')], userPortal: { webConfig: webConfig(PORTAL_WC, []), themes: [] } }), findings: [{ severity: 'high' }] },
  ],
});

const themesDir = 'C:\\inetpub\\wwwroot\\MultiFactorAuth\\App_Themes';
ruleTester('MFA-BKP-011', {
  valid: [
    { name: 'custom theme with a current copy', facts: portalHost({ webConfig: webConfig(PORTAL_WC, [candidate(`${PORTAL_WC}.bak`, true)]), themes: [theme('Default'), theme('Contoso', { backup: backup(`${themesDir}\\Contoso`, [candidate(`${themesDir}\\Contoso - Copy`, true)]) })] }) },
    { name: 'only the Default theme', facts: portalHost({ webConfig: null, themes: [theme('Default')] }) },
    { name: 'at the target', facts: portalHost({ webConfig: null, themes: [theme('Contoso', { backup: backup(`${themesDir}\\Contoso`) })] }, server81()) },
  ],
  invalid: [
    {
      name: 'two custom themes, one backed up, one stale',
      facts: portalHost({
        webConfig: null,
        themes: [theme('Default'), theme('Contoso', { backup: backup(`${themesDir}\\Contoso`) }), theme('Fabrikam', { backup: backup(`${themesDir}\\Fabrikam`, [candidate(`${themesDir}\\Fabrikam.old`, false)]) }), theme('Tailspin', { backup: backup(`${themesDir}\\Tailspin`, [candidate(`${themesDir}\\Tailspin.bak`, true)]) })],
      }),
      findings: [{ severity: 'high', message: /Contoso/ }, { severity: 'high', message: /Fabrikam/ }],
    },
  ],
});

const DEFAULT_THEME = `${themesDir}\\Default`;
const ref = { time: '2025-03-04T00:00:00.000Z', source: 'Uninstall InstallDate' };
ruleTester('MFA-BKP-012', {
  valid: [
    { name: 'Default unchanged since install', facts: portalHost({ webConfig: null, themes: [theme('Default', { reference: ref })] }) },
    { name: 'changed, and a current copy exists', facts: portalHost({ webConfig: null, themes: [theme('Default', { reference: ref, changedFiles: [`${DEFAULT_THEME}\\Default.css`], backup: backup(DEFAULT_THEME, [candidate(`${themesDir}\\Default - Copy`, true)]) })] }) },
    { name: 'no App_Themes folder', facts: portalHost({ webConfig: null, themes: [] }) },
    { name: 'at the target', facts: portalHost({ webConfig: null, themes: [theme('Default', { reference: ref, changedFiles: [`${DEFAULT_THEME}\\Default.css`], backup: backup(DEFAULT_THEME) })] }, server81()) },
  ],
  invalid: [
    { name: 'changed, no backup', facts: portalHost({ webConfig: null, themes: [theme('Default', { reference: ref, changedFiles: [`${DEFAULT_THEME}\\Default.css`, `${DEFAULT_THEME}\\logo.png`], backup: backup(DEFAULT_THEME) })] }), findings: [{ severity: 'high', component: 'user-portal', message: /2 file\(s\).*2025-03-04/ }] },
    { name: 'changed, only a stale copy', facts: portalHost({ webConfig: null, themes: [theme('Default', { reference: ref, changedFiles: [`${DEFAULT_THEME}\\Default.css`], backup: backup(DEFAULT_THEME, [candidate(`${themesDir}\\Default.bak`, false)]) })] }), findings: [{ severity: 'high' }] },
    { name: 'no InstallDate and no Default.aspx: unknown', facts: portalHost({ webConfig: null, themes: [theme('Default')] }), findings: [{ severity: 'high', outcome: 'unknown' }] },
  ],
});

const mobileHost = (server: ReturnType<typeof comp>, wc: Facts['mobileApp']) => makeFacts({ components: [server, comp('mobile-app', server.version, server.component === 'agent' ? { installPath: 'C:\\inetpub\\wwwroot\\PhoneFactorPhoneAppWebService' } : {})], dataFile: backup(DATA), mobileApp: wc });
ruleTester('MFA-BKP-013', {
  valid: [
    { name: 'current backup', facts: mobileHost(server70(), { webConfig: webConfig(MOBILE_WC, [candidate(`${MOBILE_WC}.orig`, true)]) }) },
    { name: 'at the target', facts: mobileHost(server81(), { webConfig: webConfig(MOBILE_WC, []) }) },
    { name: 'stage adfs', facts: mobileHost(agent5(), { webConfig: webConfig(MOBILE_WC, []) }), opts: { stage: 'adfs' } },
  ],
  invalid: [
    { name: 'phonefactor-agent path: high', facts: mobileHost(agent5(), { webConfig: webConfig('C:\\inetpub\\wwwroot\\PhoneFactorPhoneAppWebService\\web.config', []) }), findings: [{ severity: 'high', component: 'mobile-app' }] },
    { name: 'in-place path: low', facts: mobileHost(server70(), { webConfig: webConfig(MOBILE_WC, [candidate(`${MOBILE_WC}.bak`, false)]) }), findings: [{ severity: 'low' }] },
    { name: 'web.config not found on the agent path: unknown, high', facts: mobileHost(agent5(), { webConfig: null }), findings: [{ severity: 'high', outcome: 'unknown' }] },
    { name: 'web.config not found in-place: unknown, low', facts: mobileHost(server70(), null), findings: [{ severity: 'low', outcome: 'unknown' }] },
  ],
});

ruleTester('MFA-BKP-014', {
  valid: [
    { name: 'pre: a current copy', facts: adfsHost() },
    { name: 'adfs: any saved copy counts (the folder now holds the new config)', facts: withAdfs(adfsHost(), { config: { path: ADFS_CFG, exists: true, parseError: null, backup: backup(ADFS_CFG, [candidate('E:\\Backups\\ADFS\\MultiFactorAuthenticationAdfsAdapter.config', false, { reason: 'backup-folder' })]) } }), opts: { stage: 'adfs' } },
    { name: 'the adapter on an MFA host is updated from the admin UI', facts: makeFacts({ components: [server70(), comp('adfs-adapter', '7.0.2.1')], dataFile: backup(DATA), adfs: adfsHost().adfs }) },
    { name: 'adapter at the target', facts: withAdfs(adfsHost('8.1.0.0'), { config: { path: ADFS_CFG, exists: true, parseError: null, backup: backup(ADFS_CFG) } }) },
  ],
  invalid: [
    { name: 'pre: no copy', facts: withAdfs(adfsHost(), { config: { path: ADFS_CFG, exists: true, parseError: null, backup: backup(ADFS_CFG) } }), findings: [{ severity: 'high', component: 'adfs-adapter', message: /Export-AdfsAuthenticationProviderConfigurationData/ }] },
    { name: 'pre: only a stale copy', facts: withAdfs(adfsHost(), { config: { path: ADFS_CFG, exists: true, parseError: null, backup: backup(ADFS_CFG, [candidate(`${ADFS_CFG}.bak`, false)]) } }), findings: [{ severity: 'high' }] },
    { name: 'adfs: no copy at all', facts: withAdfs(adfsHost(), { config: { path: ADFS_CFG, exists: true, parseError: null, backup: backup(ADFS_CFG) } }), opts: { stage: 'adfs' }, findings: [{ severity: 'high' }] },
    { name: 'config not in the folder: unknown', facts: withAdfs(adfsHost(), { config: { path: ADFS_CFG, exists: false, parseError: null, backup: null } }), findings: [{ severity: 'high', outcome: 'unknown' }] },
  ],
});

// ---- Prerequisites ---------------------------------------------------------------------------------------

ruleTester('MFA-PRQ-001', {
  valid: [
    { name: '.NET 4.5 exactly (378389)', facts: mfaHost({ dotnet: { known: true, release: 378389, evidence: [] } }) },
    { name: 'target 6.3 does not need it', facts: makeFacts({ components: [comp('server', '6.2.1.0')], dotnet: { known: true, release: null, evidence: [] } }), opts: { targetVersion: '6.3.0' } },
    { name: 'at the target', facts: mfaHost({ dotnet: { known: true, release: null, evidence: [] } }, server81()) },
    { name: 'stage adfs', facts: mfaHost({ dotnet: { known: true, release: 30319, evidence: [] } }), opts: { stage: 'adfs' } },
  ],
  invalid: [
    { name: 'Release 378388', facts: mfaHost({ dotnet: { known: true, release: 378388, evidence: [] } }), findings: [{ severity: 'critical', component: 'prerequisites', message: /378388 < 378389/ }] },
    { name: 'no v4\\Full Release', facts: makeFacts({ components: [comp('user-portal', '6.3.0.0')], dotnet: { known: true, release: null, evidence: [] } }), findings: [{ severity: 'critical' }] },
    { name: 'NDP not exported: unknown, still critical', facts: mfaHost({ dotnet: { known: false, release: null, evidence: [] } }), findings: [{ severity: 'critical', outcome: 'unknown' }] },
  ],
});

const missingVc = (arch: 'x64' | 'x86') => vc(arch, { installed: false, version: null, major: null, minor: null, bld: null });
function vcCases(id: string, arch: 'x64' | 'x86') {
  const set = (f: Facts, v: ReturnType<typeof vc>): Facts => ({ ...f, vcredist: { ...f.vcredist, [arch]: v } });
  const web = () => makeFacts({ components: [comp('user-portal', '6.3.0.0')] });
  return {
    valid: [
      { name: '2015 Update 1 exactly (14.0.23506)', facts: set(web(), vc(arch, { major: 14, minor: 0, bld: 23506, version: 'v14.0.23506.00' })) },
      { name: '2015-2022 runtime 14.40', facts: set(web(), vc(arch, { major: 14, minor: 40, bld: 33810 })) },
      { name: 'target before 7.0', facts: set(makeFacts({ components: [comp('server', '6.0.0.0')] }), missingVc(arch)), opts: { targetVersion: '6.3' } },
      { name: 'at the target', facts: set(makeFacts({ components: [comp('user-portal', '8.1.0.0')] }), missingVc(arch)) },
      { name: 'stage adfs', facts: set(adfsHost(), missingVc(arch)), opts: { stage: 'adfs' as const } },
    ] as Case[],
    invalid: [
      { name: 'missing on an MFA host: low (its installer adds it)', facts: set(mfaHost(), missingVc(arch)), findings: [{ severity: 'low', component: 'prerequisites', message: /accept the prompt/ }] },
      { name: 'missing on a web host: critical', facts: set(web(), missingVc(arch)), findings: [{ severity: 'critical', message: /Update 1 or higher is required/ }] },
      { name: 'missing on an AD FS host: critical', facts: set(adfsHost(), missingVc(arch)), findings: [{ severity: 'critical' }] },
      { name: '2015 RTM (14.0.23026) on a web host', facts: set(web(), vc(arch, { major: 14, minor: 0, bld: 23026, version: 'v14.0.23026.00' })), findings: [{ severity: 'critical', message: /14\.0\.23026/ }] },
      { name: 'key present but Installed = 0', facts: set(web(), vc(arch, { installed: false })), findings: [{ severity: 'critical' }] },
      { name: 'not exported: unknown, keeps the host severity', facts: set(web(), vc(arch, { known: false, installed: false, major: null, minor: null, bld: null, version: null, evidence: [] })), findings: [{ severity: 'critical', outcome: 'unknown' }] },
      { name: 'not exported on an MFA host: unknown, low', facts: set(mfaHost(), vc(arch, { known: false, installed: false, major: null, minor: null, bld: null, version: null, evidence: [] })), findings: [{ severity: 'low', outcome: 'unknown' }] },
    ] as Invalid[],
  };
}
ruleTester('MFA-PRQ-002', vcCases('MFA-PRQ-002', 'x64'));
const prq3 = vcCases('MFA-PRQ-003', 'x86');
ruleTester('MFA-PRQ-003', {
  valid: [
    ...prq3.valid,
    { name: '32-bit OS (bundle.json architecture x86): x86 is the only runtime', facts: { ...makeFacts({ components: [comp('user-portal', '6.3.0.0')], host: { os: { architecture: 'x86' } } }), vcredist: { x64: missingVc('x64'), x86: vc('x86') } } },
    { name: '32-bit OS ("32-bit"): skipped even when x86 is missing', facts: { ...makeFacts({ components: [comp('user-portal', '6.3.0.0')], host: { os: { architecture: '32-bit' } } }), vcredist: { x64: vc('x64'), x86: missingVc('x86') } } },
  ],
  invalid: prq3.invalid,
});

// ---- Virtual directories and URLs -------------------------------------------------------------------------

const pfPortal = (over: Partial<ReturnType<typeof comp>> = {}) => comp('user-portal', '5.2.1.2', { installPath: 'C:\\inetpub\\wwwroot\\PhoneFactor', virtualDirectory: '/PhoneFactor', ...over });
ruleTester('MFA-VDIR-001', {
  valid: [
    { name: 'in-place path', facts: makeFacts({ components: [server70(), comp('user-portal', '7.0.2.1', { virtualDirectory: '/PhoneFactor' })] }) },
    { name: 'agent path, portal already under /MultiFactorAuth', facts: makeFacts({ components: [agent5(), comp('user-portal', '5.2.1.2')] }) },
    { name: 'stage adfs', facts: makeFacts({ components: [agent5(), pfPortal()] }), opts: { stage: 'adfs' } },
  ],
  invalid: [
    { name: 'portal under /PhoneFactor', facts: makeFacts({ components: [agent5(), pfPortal()] }), findings: [{ severity: 'medium', component: 'user-portal', message: /type PhoneFactor as the virtual directory/ }] },
    { name: 'portal on its own server (web host, agent-era version)', facts: makeFacts({ components: [pfPortal()] }), findings: [{ severity: 'medium' }] },
    { name: 'no applicationHost.config: unknown', facts: makeFacts({ components: [agent5(), pfPortal({ virtualDirectory: null, virtualDirectoryKnown: false })] }), findings: [{ severity: 'medium', outcome: 'unknown' }] },
  ],
});

const pfSdk = (over: Partial<ReturnType<typeof comp>> = {}) => comp('web-service-sdk', '5.2.1.2', { installPath: 'C:\\inetpub\\wwwroot\\PhoneFactorWebServiceSdk', virtualDirectory: '/PhoneFactorWebServiceSdk', ...over });
ruleTester('MFA-VDIR-002', {
  valid: [
    { name: 'in-place path', facts: makeFacts({ components: [server70(), comp('web-service-sdk', '7.0.2.1', { virtualDirectory: '/PhoneFactorWebServiceSdk' })] }) },
    { name: 'agent path, SDK under the new name and nothing points at the old one', facts: makeFacts({ components: [agent5(), comp('web-service-sdk', '5.2.1.2')] }) },
    { name: 'agent path without an SDK', facts: makeFacts({ components: [agent5()] }) },
  ],
  invalid: [
    {
      name: 'SDK under the old name; lists the portal config that points at it',
      facts: makeFacts({ components: [agent5(), pfSdk(), pfPortal()], sdkUrls: [sdkUrl('user-portal', 'C:\\inetpub\\wwwroot\\PhoneFactor\\web.config', 'https://mfa01.contoso.com/PhoneFactorWebServiceSdk/PfWsSdk.asmx', true)] }),
      findings: [{ severity: 'medium', component: 'web-service-sdk', message: /runs under \/PhoneFactorWebServiceSdk.*C:\\inetpub\\wwwroot\\PhoneFactor\\web\.config/ }],
    },
    {
      name: 'no SDK here, but a config points at the old URL on another server',
      facts: makeFacts({ components: [pfPortal()], sdkUrls: [sdkUrl('user-portal', 'C:\\inetpub\\wwwroot\\PhoneFactor\\web.config', 'https://mfa01.contoso.com/PhoneFactorWebServiceSdk/PfWsSdk.asmx', false)] }),
      findings: [{ severity: 'medium', message: /Configs here use/ }],
    },
    { name: 'SDK vdir unknown: unknown', facts: makeFacts({ components: [agent5(), pfSdk({ virtualDirectory: null, virtualDirectoryKnown: false })] }), findings: [{ severity: 'medium', outcome: 'unknown' }] },
  ],
});

const pfMobile = (over: Partial<ReturnType<typeof comp>> = {}) => comp('mobile-app', '5.2.1.2', { installPath: 'C:\\inetpub\\wwwroot\\PhoneFactorPhoneAppWebService', virtualDirectory: '/PhoneFactorPhoneAppWebService', ...over });
ruleTester('MFA-VDIR-003', {
  valid: [
    { name: 'target 8.0: the service is not reinstalled', facts: makeFacts({ components: [agent5(), pfMobile()] }), opts: { targetVersion: '8.0' } },
    { name: 'target 8.1 (default)', facts: makeFacts({ components: [agent5(), pfMobile()] }) },
    { name: 'in-place path', facts: makeFacts({ components: [server70(), comp('mobile-app', '7.0.2.1', { virtualDirectory: '/PhoneFactorPhoneAppWebService' })] }), opts: { targetVersion: '7.1' } },
    { name: 'already under the new name', facts: makeFacts({ components: [agent5(), comp('mobile-app', '5.2.1.2')] }), opts: { targetVersion: '7.1' } },
  ],
  invalid: [
    { name: 'old name, target 7.1', facts: makeFacts({ components: [agent5(), pfMobile()] }), opts: { targetVersion: '7.1' }, findings: [{ severity: 'medium', component: 'mobile-app', message: /MultiFactorAuthMobileAppWebService/ }] },
    { name: 'vdir unknown, target 7.1: unknown', facts: makeFacts({ components: [agent5(), pfMobile({ virtualDirectory: null, virtualDirectoryKnown: false })] }), opts: { targetVersion: '7.1' }, findings: [{ severity: 'medium', outcome: 'unknown' }] },
  ],
});

ruleTester('MFA-VDIR-004', {
  valid: [
    { name: 'in-place, every part under its default', facts: makeFacts({ components: [server70(), comp('user-portal', '7.0.2.1'), comp('web-service-sdk', '7.0.2.1')] }) },
    { name: 'agent path (that is VDIR-001..003)', facts: makeFacts({ components: [agent5(), pfPortal()] }) },
    { name: 'mobile app under a custom name, target 8.x: it is uninstalled, not upgraded', facts: makeFacts({ components: [server70(), comp('mobile-app', '7.0.2.1', { virtualDirectory: '/mfamobile' })] }) },
    { name: 'at the target', facts: makeFacts({ components: [server81(), comp('user-portal', '8.1.0.0', { virtualDirectory: '/Portal' })] }) },
    { name: 'the default, in another case', facts: makeFacts({ components: [server70(), comp('user-portal', '7.0.2.1', { virtualDirectory: '/multifactorauth' })] }) },
  ],
  invalid: [
    { name: 'portal under /Portal', facts: makeFacts({ components: [server70(), comp('user-portal', '7.0.2.1', { virtualDirectory: '/Portal' })] }), findings: [{ severity: 'high', component: 'user-portal', message: /type Portal as the virtual directory/ }] },
    {
      name: 'SDK kept its PhoneFactor-era name, mobile app custom at target 7.1',
      facts: makeFacts({ components: [server70(), comp('web-service-sdk', '7.0.2.1', { virtualDirectory: '/PhoneFactorWebServiceSdk' }), comp('mobile-app', '7.0.2.1', { virtualDirectory: '/mfa' })] }),
      opts: { targetVersion: '7.1' },
      findings: [{ severity: 'high', component: 'web-service-sdk' }, { severity: 'high', component: 'mobile-app' }],
    },
    { name: 'portal vdir unknown: unknown', facts: makeFacts({ components: [server70(), comp('user-portal', '7.0.2.1', { virtualDirectory: null, virtualDirectoryKnown: false })] }), findings: [{ severity: 'high', outcome: 'unknown', component: 'user-portal' }] },
  ],
});

const portalWithUrl = (url: string, thisHost: boolean, server = server70()) =>
  makeFacts({
    components: [server, comp('user-portal', server.version)],
    iis: { virtualDirectories: [vdir('/MultiFactorAuth', 'C:\\inetpub\\wwwroot\\MultiFactorAuth'), vdir('/MultiFactorAuthWebServiceSdk', 'C:\\inetpub\\wwwroot\\MultiFactorAuthWebServiceSdk')] },
    sdkUrls: [sdkUrl('user-portal', PORTAL_WC, url, thisHost)],
  });
ruleTester('MFA-CFG-001', {
  valid: [
    { name: 'URL names a vdir this host serves', facts: portalWithUrl('https://mfa01.contoso.com/MultiFactorAuthWebServiceSdk/PfWsSdk.asmx', true) },
    { name: 'vdir matched case-insensitively', facts: portalWithUrl('https://localhost/multifactorauthwebservicesdk/PfWsSdk.asmx', true) },
    { name: 'URL names another host', facts: portalWithUrl('https://mfa02.contoso.com/PhoneFactorWebServiceSdk/PfWsSdk.asmx', false) },
  ],
  invalid: [
    { name: 'this host, vdir not served', facts: portalWithUrl('https://localhost/PhoneFactorWebServiceSdk/PfWsSdk.asmx', true), findings: [{ severity: 'high', component: 'user-portal', message: /no \/phonefactorwebservicesdk application/ }] },
    { name: 'also on a host at the target, stage adfs (stages all, not pendingOnly)', facts: portalWithUrl('https://mfa01/PhoneFactorWebServiceSdk/PfWsSdk.asmx', true, server81()), opts: { stage: 'adfs' }, findings: [{ severity: 'high' }] },
    { name: 'IIS unknown: unknown', facts: { ...portalWithUrl('https://127.0.0.1/MultiFactorAuthWebServiceSdk/PfWsSdk.asmx', true), iis: { known: false, configPath: null, sharedConfig: null, parseError: null, virtualDirectories: [], boundHostNames: [] } }, findings: [{ severity: 'high', outcome: 'unknown' }] },
    {
      name: 'AD FS adapter config pointing at this host',
      facts: adfsHost('7.3.0.3', { iis: { virtualDirectories: [] }, sdkUrls: [sdkUrl('adfs-adapter', ADFS_CFG, 'https://adfs01.contoso.com/MultiFactorAuthWebServiceSdk/PfWsSdk.asmx', true)] }),
      findings: [{ severity: 'high', component: 'adfs-adapter' }],
    },
  ],
});

ruleTester('MFA-CFG-002', {
  valid: [{ name: 'every config parsed', facts: mfaHost() }],
  invalid: [
    {
      name: 'a broken web.config and applicationHost.config',
      facts: mfaHost({ configErrors: [{ path: PORTAL_WC, message: 'line 12: unclosed tag <appSettings>' }, { path: 'C:\\Windows\\System32\\inetsrv\\config\\applicationHost.config', message: 'line 1: not XML' }] }, server81()),
      findings: [{ severity: 'high', component: 'host', message: /web\.config cannot be parsed: line 12/ }, { severity: 'high', message: /applicationHost\.config/ }],
    },
  ],
});

ruleTester('MFA-CFG-003', {
  valid: [
    { name: 'no redirection.config', facts: mfaHost() },
    { name: 'redirection.config present but disabled', facts: mfaHost({ iis: { sharedConfig: { enabled: false, path: null } } }) },
  ],
  invalid: [{ name: 'shared configuration on a UNC path', facts: mfaHost({ iis: { known: false, sharedConfig: { enabled: true, path: '\\\\fs01\\iisconfig' } } }), findings: [{ severity: 'medium', message: /\\\\fs01\\iisconfig/ }] }],
});

// ---- Components and installers --------------------------------------------------------------------------

ruleTester('MFA-CMP-001', {
  valid: [
    { name: 'portal on the MFA host', facts: makeFacts({ components: [server70(), comp('user-portal', '7.0.2.1')] }) },
    { name: 'a web host with only the SDK', facts: makeFacts({ components: [comp('web-service-sdk', '7.0.2.1')] }) },
    { name: 'stage adfs', facts: makeFacts({ components: [comp('user-portal', '7.0.2.1')] }), opts: { stage: 'adfs' } },
    { name: 'at the target', facts: makeFacts({ components: [comp('user-portal', '8.1.0.0')] }) },
  ],
  invalid: [
    { name: 'portal and mobile app on their own server', facts: makeFacts({ components: [comp('user-portal', '7.0.2.1'), comp('mobile-app', '7.0.2.1')] }), findings: [{ severity: 'medium', component: 'user-portal', message: /MultiFactorAuthenticationUserPortalSetup64\.msi and MultiFactorAuthenticationMobileAppWebServiceSetup64\.msi/ }] },
    { name: 'mobile app alone', facts: makeFacts({ components: [comp('mobile-app', '6.3.0.0')] }), findings: [{ severity: 'medium', component: 'mobile-app' }] },
  ],
});

const installers = (present: string[], needed: string[]) => ({ folder: 'C:\\Program Files\\Multi-Factor Authentication Server', present, needed });
ruleTester('MFA-CMP-002', {
  valid: [
    { name: 'stage pre (the upgrade has not put the new MSIs there yet)', facts: mfaHost({ installers: installers([], ['MultiFactorAuthenticationUserPortalSetup64.msi']) }, server81()) },
    { name: 'the MSI is there (name case-insensitive)', facts: mfaHost({ installers: installers(['multifactorauthenticationuserportalsetup64.MSI'], ['MultiFactorAuthenticationUserPortalSetup64.msi']) }, server81()), opts: { stage: 'adfs' } },
    { name: 'no other host needs one', facts: mfaHost({ installers: installers([], []) }, server81()), opts: { stage: 'adfs' } },
    { name: 'not an MFA host', facts: adfsHost('7.3.0.3', { installers: installers([], ['MultiFactorAuthenticationUserPortalSetup64.msi']) }), opts: { stage: 'adfs' } },
  ],
  invalid: [
    {
      name: 'upgraded server lacks the portal and adapter MSIs (runs with nothing pending)',
      facts: mfaHost({ installers: installers(['MultiFactorAuthenticationUserPortalSetup64.msi'], ['MultiFactorAuthenticationAdfsAdapterSetup64.msi', 'MultiFactorAuthenticationMobileAppWebServiceSetup64.msi']) }, server81()),
      opts: { stage: 'adfs' },
      findings: [{ severity: 'high', component: 'server', message: /AdfsAdapterSetup64/ }, { severity: 'high', message: /MobileAppWebServiceSetup64/ }],
    },
  ],
});

ruleTester('MFA-CMP-003', {
  valid: [
    { name: 'target 7.1', facts: makeFacts({ components: [server70(), comp('mobile-app', '7.0.2.1')] }), opts: { targetVersion: '7.1' } },
    { name: 'no mobile app', facts: mfaHost() },
    { name: 'at the target', facts: makeFacts({ components: [server81(), comp('mobile-app', '8.1.0.0')] }) },
  ],
  invalid: [
    { name: 'in-place to 8.1: uninstall after', facts: makeFacts({ components: [server70(), comp('mobile-app', '7.0.2.1')] }), findings: [{ severity: 'low', component: 'mobile-app', message: /Uninstall it after the upgrade/ }] },
    { name: 'agent path to 8.0: do not reinstall', facts: makeFacts({ components: [agent5(), pfMobile()] }), opts: { targetVersion: '8.0' }, findings: [{ severity: 'low', message: /do not reinstall/ }] },
  ],
});

// ---- High availability ----------------------------------------------------------------------------------

ruleTester('MFA-HA-001', {
  valid: [
    { name: 'standalone, not load balanced', facts: mfaHost({ host: { roles: { replication: 'standalone', loadBalanced: false } } }) },
    { name: 'a web host behind a load balancer', facts: makeFacts({ components: [comp('user-portal', '7.0.2.1')], host: { roles: { loadBalanced: true } } }) },
    { name: 'at the target', facts: mfaHost({ host: { roles: { replication: 'primary' } } }, server81()) },
    { name: 'stage adfs', facts: mfaHost({ host: { roles: { replication: 'subordinate' } } }), opts: { stage: 'adfs' } },
  ],
  invalid: [
    { name: 'primary: last', facts: mfaHost({ host: { roles: { replication: 'primary', replicationGroup: 'HQ' } } }), findings: [{ severity: 'high', component: 'server', message: /group HQ.*upgrade it last/ }] },
    { name: 'subordinate: first', facts: mfaHost({ host: { roles: { replication: 'subordinate' } } }), findings: [{ severity: 'high', message: /before the primary/ }] },
    { name: 'standalone but load balanced', facts: mfaHost({ host: { roles: { replication: 'standalone', loadBalanced: true } } }), findings: [{ severity: 'high', message: /load balancer/ }] },
  ],
});

ruleTester('MFA-HA-002', {
  valid: [
    { name: 'role from --role', facts: mfaHost({ host: { roles: { replication: 'standalone', source: 'flag' } } }) },
    { name: 'a web host', facts: makeFacts({ components: [comp('user-portal', '7.0.2.1')] }) },
    { name: 'at the target', facts: mfaHost({}, server81()) },
  ],
  invalid: [
    { name: 'role unknown', facts: mfaHost(), findings: [{ severity: 'medium', component: 'server', message: /--role/ }] },
    { name: 'load balanced, role still unknown', facts: mfaHost({ host: { roles: { loadBalanced: true } } }), findings: [{ severity: 'medium' }] },
  ],
});

// ---- AD FS adapter --------------------------------------------------------------------------------------

ruleTester('MFA-ADFS-001', {
  valid: [
    { name: 'the script passes -ConfigurationFilePath', facts: adfsHost(), opts: { stage: 'adfs' } },
    { name: 'stage pre', facts: withAdfs(adfsHost(), { registerScript: { path: `${ADFS_DIR}\\Register-MultiFactorAuthenticationAdfsAdapter.ps1`, passesConfigurationFilePath: false, readError: null } }) },
    { name: 'MFA Server on the AD FS server: updated from the admin UI', facts: makeFacts({ components: [server70(), comp('adfs-adapter', '7.0.2.1')], dataFile: backup(DATA), adfs: { ...adfsHost().adfs!, registerScript: { path: 'x.ps1', passesConfigurationFilePath: false, readError: null } } }), opts: { stage: 'adfs' } },
    { name: 'no Register script yet (that is MFA-ADFS-002)', facts: withAdfs(adfsHost(), { registerScript: null }), opts: { stage: 'adfs' } },
  ],
  invalid: [
    { name: 'the script lacks it', facts: withAdfs(adfsHost(), { registerScript: { path: `${ADFS_DIR}\\Register-MultiFactorAuthenticationAdfsAdapter.ps1`, passesConfigurationFilePath: false, readError: null } }), opts: { stage: 'adfs' }, findings: [{ severity: 'high', component: 'adfs-adapter', message: /-ConfigurationFilePath/ }] },
    { name: 'unreadable script: unknown', facts: withAdfs(adfsHost(), { registerScript: { path: `${ADFS_DIR}\\Register-MultiFactorAuthenticationAdfsAdapter.ps1`, passesConfigurationFilePath: null, readError: 'cannot be read' } }), opts: { stage: 'adfs' }, findings: [{ severity: 'high', outcome: 'unknown', message: /cannot be read/ }] },
  ],
});

ruleTester('MFA-ADFS-002', {
  valid: [
    { name: 'all four files there', facts: adfsHost(), opts: { stage: 'adfs' } },
    { name: 'stage pre', facts: withAdfs(adfsHost(), { files: adfsHost().adfs!.files.map((f) => ({ ...f, present: false })) }) },
  ],
  invalid: [
    {
      name: 'MSI and Unregister script missing: one finding each',
      facts: withAdfs(adfsHost(), { files: adfsHost().adfs!.files.map((f) => ({ ...f, present: !/Setup64\.msi|^Unregister/.test(f.name) })) }),
      opts: { stage: 'adfs' },
      findings: [{ severity: 'medium', message: /MultiFactorAuthenticationAdfsAdapterSetup64\.msi is not in/ }, { severity: 'medium', message: /Unregister-MultiFactorAuthenticationAdfsAdapter\.ps1/ }],
    },
  ],
});

ruleTester('MFA-ADFS-003', {
  valid: [
    { name: 'no adapter', facts: mfaHost() },
    { name: 'adapter at the target', facts: adfsHost('8.1.0.0') },
  ],
  invalid: [
    { name: 'AD FS host, stage pre', facts: adfsHost(), findings: [{ severity: 'high', component: 'adfs-adapter', message: /steps 3 to 8/ }] },
    { name: 'AD FS host, stage adfs', facts: adfsHost(), opts: { stage: 'adfs' }, findings: [{ severity: 'high' }] },
    { name: 'adapter on an MFA host too', facts: makeFacts({ components: [server70(), comp('adfs-adapter', '7.0.2.1')], dataFile: backup(DATA) }), findings: [{ severity: 'high' }] },
  ],
});

const diff = (n: number) => ({
  saved: 'E:\\Backups\\ADFS\\MultiFactorAuthenticationAdfsAdapter.config',
  current: ADFS_CFG,
  differences: Array.from({ length: n }, (_, i) => ({ kind: 'changed' as const, path: `/ConfigurationData/Setting${i}`, old: 'a', new: 'b' })),
});
ruleTester('MFA-ADFS-004', {
  valid: [
    { name: 'saved and new config are the same', facts: withAdfs(adfsHost(), { configDiff: diff(0) }), opts: { stage: 'adfs' } },
    { name: 'stage pre', facts: withAdfs(adfsHost(), { configDiff: diff(2) }) },
    { name: 'the new config does not parse (MFA-CFG-002 reports it)', facts: withAdfs(adfsHost(), { config: { path: ADFS_CFG, exists: true, parseError: 'line 3: unclosed tag', backup: backup(ADFS_CFG) } }), opts: { stage: 'adfs' } },
    { name: 'MFA host', facts: makeFacts({ components: [server70(), comp('adfs-adapter', '7.0.2.1')], dataFile: backup(DATA), adfs: { ...adfsHost().adfs!, configDiff: diff(3) } }), opts: { stage: 'adfs' } },
  ],
  invalid: [
    { name: 'three differences', facts: withAdfs(adfsHost(), { configDiff: diff(3) }), opts: { stage: 'adfs' }, findings: [{ severity: 'medium', component: 'adfs-adapter', message: /3 difference\(s\).*changed \/ConfigurationData\/Setting0/ }] },
    { name: 'no saved copy to compare: unknown', facts: withAdfs(adfsHost(), { configDiff: null }), opts: { stage: 'adfs' }, findings: [{ severity: 'medium', outcome: 'unknown' }] },
  ],
});

ruleTester('MFA-ADFS-005', {
  valid: [
    { name: 'no adapter', facts: mfaHost() },
    { name: 'adapter at the target', facts: adfsHost('8.1.0.0') },
  ],
  invalid: [
    { name: 'adapter 6.3: WindowsAzureMultiFactorAuthentication', facts: withAdfs(adfsHost('6.3.0.0'), { oldProviderName: 'WindowsAzureMultiFactorAuthentication' }), findings: [{ severity: 'info', component: 'adfs-adapter', message: /"WindowsAzureMultiFactorAuthentication".*new provider is "AzureMfaServerAuthentication"/ }] },
    { name: 'version unknown: says to check the policy', facts: withAdfs(adfsHost(), { oldProviderName: null }), opts: { stage: 'adfs' }, findings: [{ severity: 'info', message: /check the global MFA policy/ }] },
  ],
});

// ---- Waivers ---------------------------------------------------------------------------------------------

describe('MFA-WVR-001', () => {
  const rule = ruleById('MFA-WVR-001');
  it('valid: never fires from host facts (the waiver step raises it)', () => {
    for (const f of [makeFacts(), mfaHost(), adfsHost()]) expect(runRules(f, opts(), [rule]).findings).toEqual([]);
  });
  it('invalid: an expired waiver raises it with the catalog severity and title', () => {
    const found = expiredWaiverFindings([{ rule: 'MFA-LIFE-001', reason: 'CHG0012345', expires: '2025-01-31', status: 'expired' }, { rule: 'MFA-VDIR-001', reason: 'ok', status: 'applied' }], 'MFA01', 'waivers.yaml');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ ruleId: rule.meta.id, severity: rule.meta.severity, title: rule.meta.title, outcome: 'fail', component: rule.meta.component });
  });
});

// ---- Engine --------------------------------------------------------------------------------------------

describe('computeUpgradePath', () => {
  const cases: [string, ReturnType<typeof comp>[], string, string][] = [
    ['nothing found', [], '8.1', 'none'],
    ['agent 5.x', [agent5()], '8.1', 'phonefactor-agent'],
    ['a 5.x portal beside a 7.0 server', [server70(), comp('user-portal', '5.2.1.2')], '8.1', 'phonefactor-agent'],
    ['4.x agent', [comp('agent', '4.1.0.0')], '8.1', 'phonefactor-agent'],
    ['6.x below target', [comp('server', '6.3.0.0')], '8.1', 'in-place'],
    ['7.x below target', [comp('server', '7.3.0.3'), comp('user-portal', '7.3.0.3')], '8.1', 'in-place'],
    ['8.0.1.1 < 8.1', [comp('server', '8.0.1.1')], '8.1', 'in-place'],
    ['8.1 at target 8.1', [comp('server', '8.1')], '8.1', 'none'],
    ['8.1.0.0 = 8.1', [comp('server', '8.1.0.0'), comp('user-portal', '8.1.0.0')], '8.1', 'none'],
    ['8.1 at target 8.1.0.0', [comp('server', '8.1')], '8.1.0.0', 'none'],
    ['above the target', [comp('server', '8.1.2.0')], '8.1', 'none'],
    ['one part behind', [comp('server', '8.1.0.0'), comp('user-portal', '8.0.1.1')], '8.1', 'in-place'],
    ['version unknown counts as needing the upgrade', [comp('server', null)], '8.1', 'in-place'],
    ['at an older explicit target', [comp('server', '7.0.2.1')], '7.0.2.1', 'none'],
    ['part numbers, not strings: 8.10 > 8.9', [comp('server', '8.10')], '8.9', 'none'],
  ];
  it.each(cases)('%s', (_n, components, target, want) => {
    expect(computeUpgradePath(components, target)).toBe(want);
  });
});

describe('findingId', () => {
  const id = findingId('MFA-BKP-001', 'MFA01', 'data', 'c:\\program files\\phonefactor\\data\\phonefactor.pfdata');
  it('is the rule id and 8 hex digits, and stable across calls', () => {
    expect(id).toMatch(/^MFA-BKP-001-[0-9a-f]{8}$/);
    expect(findingId('MFA-BKP-001', 'MFA01', 'data', 'c:\\program files\\phonefactor\\data\\phonefactor.pfdata')).toBe(id);
  });
  it('ignores the case of the host name', () => {
    expect(findingId('MFA-BKP-001', 'mfa01', 'data', 'c:\\program files\\phonefactor\\data\\phonefactor.pfdata')).toBe(id);
  });
  it('changes with rule, host, component and location', () => {
    const others = [
      findingId('MFA-BKP-002', 'MFA01', 'data', 'c:\\program files\\phonefactor\\data\\phonefactor.pfdata'),
      findingId('MFA-BKP-001', 'MFA02', 'data', 'c:\\program files\\phonefactor\\data\\phonefactor.pfdata'),
      findingId('MFA-BKP-001', null, 'data', 'c:\\program files\\phonefactor\\data\\phonefactor.pfdata'),
      findingId('MFA-BKP-001', 'MFA01', 'server', 'c:\\program files\\phonefactor\\data\\phonefactor.pfdata'),
      findingId('MFA-BKP-001', 'MFA01', 'data', 'd:\\phonefactor\\data\\phonefactor.pfdata'),
    ];
    expect(new Set([id, ...others]).size).toBe(others.length + 1);
  });
  it('a finding keeps its id when unrelated facts change, and ids stay unique within a scan', () => {
    const f1 = mfaHost();
    const f2 = mfaHost({ problems: [{ location: 'registry/x.reg:3', message: 'bad line' }], installPaths: [] });
    const a = runRules(f1, opts()).findings.find((x) => x.ruleId === 'MFA-BKP-001')!;
    const b = runRules(f2, opts()).findings.find((x) => x.ruleId === 'MFA-BKP-001')!;
    expect(a.id).toBe(b.id);
    const all = runRules(f2, opts()).findings.map((x) => x.id);
    expect(new Set(all).size).toBe(all.length);
  });
});

describe('runRules', () => {
  it('reports which rules ran: stage and pending-upgrade gating', () => {
    const pre = runRules(mfaHost({}, server81()), opts()).ran.map((m) => m.id);
    expect(pre).toContain('MFA-LIFE-001');
    expect(pre).not.toContain('MFA-BKP-001');
    expect(pre).not.toContain('MFA-CMP-002');
    const adfs = runRules(mfaHost({}, server81()), opts({ stage: 'adfs' })).ran.map((m) => m.id);
    expect(adfs).toContain('MFA-CMP-002');
    expect(adfs).not.toContain('MFA-HA-002');
  });
  it('sorts findings by severity, then rule id, then id', () => {
    const f = runRules(mfaHost({ problems: [{ location: 'a', message: 'b' }] }), opts()).findings;
    const rank = ['critical', 'high', 'medium', 'low', 'info'];
    for (let i = 1; i < f.length; i++) {
      const a = f[i - 1]!;
      const b = f[i]!;
      const k = rank.indexOf(a.severity) - rank.indexOf(b.severity) || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0) || (a.id < b.id ? -1 : 1);
      expect(k).toBeLessThan(0);
    }
    expect(f[0]!.ruleId).toBe('MFA-BKP-001');
  });
  it('an in-place host with everything in order gets only the inventory and lifecycle findings', () => {
    const f = mfaHost({ host: { roles: { replication: 'standalone' } }, dataFile: backup(DATA, [candidate(`${DATA}.bak`, true)]) });
    expect(runRules(f, opts()).findings.map((x) => x.ruleId).sort()).toEqual(['MFA-INV-001', 'MFA-LIFE-001']);
  });
  it('evidence says where a fact came from (a data file described in manifest.json)', () => {
    const f = mfaHost({ dataFile: backup(DATA, [], { source: 'manifest' }) });
    const bkp = runRules(f, opts(), [ruleById('MFA-BKP-001')]).findings[0]!;
    expect(bkp.evidence[0]).toMatchObject({ source: 'manifest', location: DATA });
  });
});

