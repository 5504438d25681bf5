#!/usr/bin/env node
/**
 * make-fleet-fixtures.mjs: (re)generates the fleet fixtures under fixtures/fleets/<fleet>/<host>/ (plain Node ESM,
 * no dependencies), and exports generateFleet(dir, n, seed) for the 500-host memory benchmark.
 *
 * Every host is a bundle folder in the layout of fixtures/hosts/* (see ../../shared/spec/bundle.md): bundle.json
 * with roles, registry/*.reg as `reg export` writes them (UTF-16LE with BOM, CRLF), fs/C/... with the install
 * folders, IIS applicationHost.config and the web.config / adapter config files. Deterministic: no clock, no
 * Math.random (seeded sha256); file times are set explicitly and written to <fleet>/times.json too (git keeps
 * no file times: tests apply them with fs.utimes after copying).
 *
 *   node scripts/make-fleet-fixtures.mjs                 the three named fleets
 *   node scripts/make-fleet-fixtures.mjs --synthetic DIR N [SEED]   N synthetic hosts into DIR
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const FLEETS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'fleets');
const CRLF = '\r\n';
const crlf = (s) => s.replace(/\r?\n/g, CRLF);
const sha = (s) => createHash('sha256').update(s).digest();
const xml = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** n seeded bytes (sha256 chain). */
function bytes(seed, n) {
  const out = Buffer.alloc(n);
  let block = sha(`bytes:${seed}`);
  for (let i = 0; i < n; i += 32) {
    block.copy(out, i, 0, Math.min(32, n - i));
    block = sha(Buffer.concat([block, Buffer.from(seed)]));
  }
  return out;
}
function guid(seed) {
  const h = sha(`guid:${seed}`).toString('hex').toUpperCase();
  return `{${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}}`;
}
const exe = (name, size = 2048) => Buffer.concat([Buffer.from(`MZ\x90\x00\x03\x00\x00\x00This program cannot be run in DOS mode.\r\r\n$\x00${name}\x00`, 'latin1'), bytes(name, size)]);
const msi = (name, version) => Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.from(`${name} ${version}\x00`, 'latin1'), bytes(`${name}${version}`, 2048)]);
const pfdata = (seed) => Buffer.concat([Buffer.from('PFDB\x01\x00\x06\x00', 'latin1'), bytes(`pfdata:${seed}`, 4096)]);

// --- registry exports, as `reg export` writes them ---------------------------------------------------------------

const HKLM = 'HKEY_LOCAL_MACHINE';
const UNINST = `${HKLM}\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Uninstall`;
const UNINST32 = `${HKLM}\\SOFTWARE\\WOW6432Node\\Microsoft\\Windows\\CurrentVersion\\Uninstall`;
const sz = (name, data) => ({ name, type: 'sz', data });
const dword = (name, data) => ({ name, type: 'dword', data });
const regEsc = (s) => s.replace(/\\/g, '\\\\').replace(/"/g, '\\"');
function valueLine(v) {
  const n = v.name === '' ? '@' : `"${regEsc(v.name)}"`;
  return v.type === 'dword' ? `${n}=dword:${(v.data >>> 0).toString(16).padStart(8, '0')}` : `${n}="${regEsc(v.data)}"`;
}
/** A v5 .reg export of `root`: every key below it (parents as empty blocks), depth first by upper-case name. */
function regExport(root, keys) {
  const byPath = new Map([[root.toUpperCase(), { path: root, values: [] }]]);
  for (const k of keys) {
    const parts = k.path.slice(root.length + 1).split('\\');
    for (let i = 1; i < parts.length; i++) {
      const p = `${root}\\${parts.slice(0, i).join('\\')}`;
      if (!byPath.has(p.toUpperCase())) byPath.set(p.toUpperCase(), { path: p, values: [] });
    }
    const prev = byPath.get(k.path.toUpperCase());
    if (prev) prev.values.push(...k.values);
    else byPath.set(k.path.toUpperCase(), { path: k.path, values: [...k.values] });
  }
  const cmp = (a, b) => {
    const sa = a.path.toUpperCase().split('\\'), sb = b.path.toUpperCase().split('\\');
    for (let i = 0; i < Math.min(sa.length, sb.length); i++) if (sa[i] !== sb[i]) return sa[i] < sb[i] ? -1 : 1;
    return sa.length - sb.length;
  };
  let text = `Windows Registry Editor Version 5.00${CRLF}${CRLF}`;
  for (const k of [...byPath.values()].sort(cmp)) {
    text += `[${k.path}]${CRLF}`;
    for (const v of k.values) text += `${valueLine(v)}${CRLF}`;
    text += CRLF;
  }
  return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
}
/** An MSI product's Uninstall key, with the values Windows Installer writes (DisplayName last). */
function msiEntry(base, name, version, date, location) {
  const code = guid(`${name} ${version}`);
  const [maj, min] = version.split('.').map(Number);
  return { path: `${base}\\${code}`, values: [
    sz('DisplayVersion', version), sz('InstallDate', date), sz('InstallLocation', location), sz('InstallSource', 'C:\\Install\\MFA\\'),
    sz('ModifyPath', `MsiExec.exe /I${code}`), sz('Publisher', 'Microsoft Corporation'), dword('EstimatedSize', 52000),
    sz('UninstallString', `MsiExec.exe /X${code}`), dword('VersionMajor', maj), dword('VersionMinor', min), dword('WindowsInstaller', 1),
    dword('Language', 1033), sz('DisplayName', name),
  ] };
}
const noiseEntry = (base, key, name, version) => ({ path: `${base}\\${key}`, values: [sz('DisplayName', name), sz('DisplayVersion', version), sz('Publisher', 'VMware, Inc.'), dword('NoModify', 1)] });

// --- IIS and config files -----------------------------------------------------------------------------------------

function appHost(hostname, apps) {
  const pools = apps.map((a) => `            <add name="${a.pool}" managedRuntimeVersion="v4.0" />`).join('\n');
  const appXml = apps.map((a) => `                <application path="${xml(a.path)}" applicationPool="${a.pool}">
                    <virtualDirectory path="/" physicalPath="${xml(a.physicalPath)}" />
                </application>`).join('\n');
  return crlf(`<?xml version="1.0" encoding="UTF-8"?>
<configuration>
    <system.applicationHost>
        <applicationPools>
            <add name="DefaultAppPool" />
${pools}
            <applicationPoolDefaults managedRuntimeVersion="v4.0">
                <processModel identityType="ApplicationPoolIdentity" loadUserProfile="true" setProfileEnvironment="false" />
            </applicationPoolDefaults>
        </applicationPools>
        <sites>
            <site name="Default Web Site" id="1" serverAutoStart="true">
                <application path="/" applicationPool="DefaultAppPool">
                    <virtualDirectory path="/" physicalPath="%SystemDrive%\\inetpub\\wwwroot" />
                </application>
${appXml}
                <bindings>
                    <binding protocol="http" bindingInformation="*:80:" />
                    <binding protocol="https" bindingInformation="*:443:${hostname.toLowerCase()}.contoso.local" sslFlags="0" />
                </bindings>
            </site>
            <siteDefaults>
                <logFile logFormat="W3C" directory="%SystemDrive%\\inetpub\\logs\\LogFiles" />
            </siteDefaults>
            <applicationDefaults applicationPool="DefaultAppPool" />
        </sites>
    </system.applicationHost>
</configuration>
`);
}
const redirection = crlf(`<configuration>
    <configSections>
        <section name="configurationRedirection" />
    </configSections>
    <configurationRedirection />
</configuration>
`);
function portalWebConfig(sdkUrl, seed) {
  return crlf(`<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <configSections>
    <sectionGroup name="applicationSettings" type="System.Configuration.ApplicationSettingsGroup, System, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089">
      <section name="pfup.Properties.Settings" type="System.Configuration.ClientSettingsSection, System, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089" requirePermission="false" />
    </sectionGroup>
  </configSections>
  <appSettings>
    <add key="LOGGING_ENABLED" value="true" />
    <add key="USE_WEB_SERVICE_SDK" value="true" />
    <add key="WEB_SERVICE_SDK_AUTHENTICATION_USERNAME" value="CONTOSO\\svc-mfasdk" />
    <add key="WEB_SERVICE_SDK_AUTHENTICATION_PASSWORD" value="Fixture-Secret-${seed}-7d1f" />
  </appSettings>
  <system.web>
    <compilation debug="false" targetFramework="4.5" />
    <authentication mode="Forms">
      <forms name=".PFUPAUTH" loginUrl="~/Login.aspx" defaultUrl="~/Default.aspx" timeout="20" requireSSL="true" />
    </authentication>
    <pages theme="Default" />
    <httpRuntime targetFramework="4.5" enableVersionHeader="false" />
  </system.web>
  <applicationSettings>
    <pfup.Properties.Settings>
      <setting name="pfup_pfwssdk_PfWsSdk" serializeAs="String">
        <value>${xml(sdkUrl)}</value>
      </setting>
    </pfup.Properties.Settings>
  </applicationSettings>
</configuration>
`);
}
const sdkWebConfig = crlf(`<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <appSettings>
    <add key="LOGGING_ENABLED" value="true" />
  </appSettings>
  <system.web>
    <compilation debug="false" targetFramework="4.5" />
    <authentication mode="Windows" />
  </system.web>
</configuration>
`);
const adapterConfig = (url, seed) => crlf(`<?xml version="1.0" encoding="utf-8"?>
<ConfigurationData>
  <UseWebServiceSdk>true</UseWebServiceSdk>
  <WebServiceSdkUrl>${xml(url)}</WebServiceSdkUrl>
  <WebServiceSdkCertificateThumbprint></WebServiceSdkCertificateThumbprint>
  <WebServiceSdkUsername>CONTOSO\\svc-mfasdk</WebServiceSdkUsername>
  <WebServiceSdkPassword>Fixture-Secret-${seed}-7d1f</WebServiceSdkPassword>
</ConfigurationData>
`);
const asmx = (cls) => `<%@ WebService Language="C#" CodeBehind="${cls.split('.').pop()}.asmx.cs" Class="${cls}" %>\r\n`;

// --- a host being built ---------------------------------------------------------------------------------------------

const MFADIR = 'C:\\Program Files\\Multi-Factor Authentication Server';
const WWW = 'C:\\inetpub\\wwwroot';

class Host {
  constructor(name, time) {
    this.name = name;
    this.time = time;
    this.files = new Map();
  }
  file(winPath, data, time = this.time) {
    const rel = `fs/${winPath[0].toUpperCase()}/${winPath.slice(3).split('\\').join('/')}`;
    return this.put(rel, data, time);
  }
  put(rel, data, time = this.time) {
    this.files.set(rel, { data: Buffer.isBuffer(data) ? data : Buffer.from(data, 'utf8'), time });
    return this;
  }
  /** Writes the bundle under dir/<name>; returns { rel -> ISO time } relative to dir. */
  write(dir) {
    const times = {};
    for (const [rel, f] of [...this.files].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const abs = path.join(dir, this.name, ...rel.split('/'));
      fs.mkdirSync(path.dirname(abs), { recursive: true });
      fs.writeFileSync(abs, f.data);
      const t = new Date(f.time);
      fs.utimesSync(abs, t, t);
      times[`${this.name}/${rel}`] = t.toISOString();
    }
    return times;
  }
}

/** The registry files every host has; `products` are [name, version, location] Uninstall entries. */
function registry(h, o) {
  const date = o.date ?? '20210322';
  h.put('registry/uninstall.reg', regExport(UNINST, [
    noiseEntry(UNINST, 'VMware Tools', 'VMware Tools', '11.3.5.18557794'),
    ...o.products.map(([n, v, loc]) => msiEntry(UNINST, n, v, date, loc)),
  ]));
  h.put('registry/uninstall-wow64.reg', regExport(UNINST32, [noiseEntry(UNINST32, 'Google Chrome', 'Google Chrome', '119.0.6045.160')]));
  if (o.installPath) {
    const POS = `${HKLM}\\SOFTWARE\\WOW6432Node\\Positive Networks`;
    h.put('registry/phonefactor.reg', regExport(POS, [{ path: `${POS}\\PhoneFactor`, values: [sz('InstallPath', o.installPath)] }]));
  }
  const NDP = `${HKLM}\\SOFTWARE\\Microsoft\\NET Framework Setup\\NDP`;
  h.put('registry/netfx.reg', regExport(NDP, [{ path: `${NDP}\\v4\\Full`, values: [dword('Install', 1), dword('Release', 528049), sz('Version', '4.8.03761')] }]));
  const VS = `${HKLM}\\SOFTWARE\\WOW6432Node\\Microsoft\\VisualStudio`;
  const rt = (arch) => ({ path: `${VS}\\14.0\\VC\\Runtimes\\${arch}`, values: [dword('Installed', 1), dword('Major', 14), dword('Minor', 32), dword('Bld', 31332), dword('Rbld', 0), sz('Version', 'v14.32.31332.00')] });
  h.put('registry/vcredist.reg', regExport(VS, [rt('x64'), rt('x86')]));
  const CV = `${HKLM}\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion`;
  h.put('registry/windows.reg', regExport(CV, [{ path: CV, values: [sz('ProgramFilesDir', 'C:\\Program Files'), sz('ProgramFilesDir (x86)', 'C:\\Program Files (x86)')] }]));
}
function bundleJson(h, roles) {
  const b = { hostname: h.name, collectedAt: h.time, os: { caption: 'Windows Server 2019 Datacenter', version: '10.0.17763', architecture: 'x64' } };
  if (roles) b.roles = roles;
  h.put('bundle.json', `${JSON.stringify(b, null, 2)}\n`);
}

/**
 * An MFA Server host: server + Web Service SDK (/MultiFactorAuthWebServiceSdk), data file with a current backup.
 * o: { version, roles, withoutInstallers: ['UserPortal', ...], sdkVdir }
 */
function mfaHost(name, o) {
  const h = new Host(name, o.time ?? '2026-11-20T21:10:00Z');
  const version = o.version ?? '8.0.1.1';
  const sdkVdir = o.sdkVdir ?? 'MultiFactorAuthWebServiceSdk';
  bundleJson(h, o.roles);
  registry(h, { installPath: `${MFADIR}\\`, products: [
    ['Azure Multi-Factor Authentication Server', version, `${MFADIR}\\`],
    ['Multi-Factor Authentication Web Service SDK', version, `${WWW}\\${sdkVdir}\\`],
  ] });
  const install = '2021-03-22T08:45:00Z';
  h.file(`${MFADIR}\\MultiFactorAuthSvc.exe`, exe(`MultiFactorAuthSvc ${version}`), install);
  h.file(`${MFADIR}\\MultiFactorAuthUI.exe`, exe(`MultiFactorAuthUI ${version}`), install);
  for (const i of ['UserPortal', 'MobileAppWebService', 'AdfsAdapter']) {
    if ((o.withoutInstallers ?? []).includes(i)) continue;
    h.file(`${MFADIR}\\MultiFactorAuthentication${i}Setup64.msi`, msi(`MultiFactorAuthentication${i}Setup64`, version), install);
  }
  const data = pfdata(name);
  h.file(`${MFADIR}\\Data\\PhoneFactor.pfdata`, data, '2026-11-20T20:58:40Z');
  // Backed up just before the window: same content, same last-write time (robocopy /COPY:DAT keeps it).
  h.file(`E:\\Backups\\MFA\\PhoneFactor.pfdata`, data, '2026-11-20T20:58:40Z');
  h.put('bundle.json', `${JSON.stringify({ ...JSON.parse(h.files.get('bundle.json').data.toString()), backupDirs: ['E:\\Backups\\MFA'] }, null, 2)}\n`);
  h.file(`${WWW}\\${sdkVdir}\\PfWsSdk.asmx`, asmx('pfwssdk.PfWsSdk'), install);
  h.file(`${WWW}\\${sdkVdir}\\web.config`, sdkWebConfig, install);
  h.file('C:\\Windows\\System32\\inetsrv\\config\\applicationHost.config', appHost(name, [
    { path: `/${sdkVdir}`, pool: `${sdkVdir}AppPool`, physicalPath: `%SystemDrive%\\inetpub\\wwwroot\\${sdkVdir}` },
  ]), install);
  h.file('C:\\Windows\\System32\\inetsrv\\config\\redirection.config', redirection, install);
  return h;
}

/** A User Portal web server whose SDK URL is `sdkUrl`; its web.config backed up beside it. */
function portalHost(name, o) {
  const h = new Host(name, o.time ?? '2026-11-20T21:20:00Z');
  const version = o.version ?? '8.0.1.1';
  const vdir = o.vdir ?? 'MultiFactorAuth';
  bundleJson(h, o.roles);
  const install = '2021-03-23T10:31:12Z';
  registry(h, { date: '20210323', products: [[o.product ?? 'Multi-Factor Authentication User Portal', version, `${WWW}\\${vdir}\\`]] });
  const wc = portalWebConfig(o.sdkUrl, name.toLowerCase());
  h.file(`${WWW}\\${vdir}\\web.config`, wc, install);
  h.file(`${WWW}\\${vdir}\\web.config.2026-11-18`, wc, install);
  h.file(`${WWW}\\${vdir}\\Default.aspx`, crlf('<%@ Page Language="C#" AutoEventWireup="true" CodeBehind="Default.aspx.cs" Inherits="pfup.Default" %>\n'), install);
  h.file(`${WWW}\\${vdir}\\bin\\pfup.dll`, exe(`pfup ${name}`), install);
  h.file(`${WWW}\\${vdir}\\App_Themes\\Default\\Default.css`, crlf('body { font-family: Segoe UI, Tahoma, Arial, sans-serif; }\n'), install);
  h.file('C:\\Windows\\System32\\inetsrv\\config\\applicationHost.config', appHost(name, [
    { path: `/${vdir}`, pool: `${vdir}AppPool`, physicalPath: `%SystemDrive%\\inetpub\\wwwroot\\${vdir}` },
  ]), install);
  h.file('C:\\Windows\\System32\\inetsrv\\config\\redirection.config', redirection, install);
  return h;
}

/** An AD FS server with the MFA adapter (no MFA Server), in farm `farm`, its adapter pointing at `sdkUrl`. */
function adfsHost(name, o) {
  const h = new Host(name, o.time ?? '2026-11-20T23:10:00Z');
  const version = o.version ?? '8.0.1.1';
  bundleJson(h, { adfsFarm: o.farm });
  const install = '2021-03-24T09:12:00Z';
  registry(h, { date: '20210324', products: [['Multi-Factor Authentication AD FS Adapter', version, `${MFADIR}\\`]] });
  const cfg = adapterConfig(o.sdkUrl, name.toLowerCase());
  h.file(`${MFADIR}\\MultiFactorAuthenticationAdfsAdapter.dll`, exe(`MultiFactorAuthenticationAdfsAdapter ${version}`), install);
  h.file(`${MFADIR}\\MultiFactorAuthenticationAdfsAdapter.config`, cfg, install);
  h.file(`${MFADIR}\\MultiFactorAuthenticationAdfsAdapter.config.bak`, cfg, install);
  h.file('C:\\Windows\\ADFS\\Microsoft.IdentityServer.Servicehost.exe.config', crlf('<?xml version="1.0" encoding="utf-8"?>\n<configuration />\n'), install);
  return h;
}

const sdk = (host, vdir = 'MultiFactorAuthWebServiceSdk') => `https://${host.toLowerCase()}.contoso.local/${vdir}/PfWsSdk.asmx`;

// --- the named fleets -----------------------------------------------------------------------------------------------

const FLEETS = {
  /** Primary MFA01 + subordinate MFA02 in load-balanced group HQ; User Portal WEB01 points at MFA01. */
  'ha-pair-with-portal': () => [
    mfaHost('MFA01', { roles: { replication: 'primary', replicationGroup: 'HQ', loadBalanced: true } }),
    mfaHost('MFA02', { roles: { replication: 'subordinate', replicationGroup: 'HQ', loadBalanced: true } }),
    portalHost('WEB01', { sdkUrl: sdk('MFA01') }),
  ],
  /** AD FS servers ADFS01, ADFS02 in farm sts.contoso.com, their adapters pointing at standalone MFA03. */
  'adfs-farm': () => [
    mfaHost('MFA03', { roles: { replication: 'standalone', loadBalanced: false } }),
    adfsHost('ADFS01', { farm: 'sts.contoso.com', sdkUrl: sdk('MFA03') }),
    adfsHost('ADFS02', { farm: 'sts.contoso.com', sdkUrl: sdk('MFA03') }),
  ],
  /**
   * Two primaries in group EU (MFA11, MFA12; MFA12 lacks the User Portal MSI), a PhoneFactor 5.2 User Portal WEB11
   * whose SDK URL names MFA19 (not in the fleet), and MFA13.zip, a zip cut off in the middle (unreadable).
   */
  broken: () => [
    mfaHost('MFA11', { roles: { replication: 'primary', replicationGroup: 'EU', loadBalanced: true } }),
    mfaHost('MFA12', { roles: { replication: 'primary', replicationGroup: 'EU', loadBalanced: true }, withoutInstallers: ['UserPortal'] }),
    // A PhoneFactor-era portal left behind (5.2): its report lists the old SDK URL (MFA-VDIR-002 evidence).
    portalHost('WEB11', { version: '5.2.1.2', product: 'PhoneFactor User Portal', vdir: 'PhoneFactor', sdkUrl: sdk('MFA19', 'PhoneFactorWebServiceSdk') }),
  ],
};

/** Writes hosts into dir (replacing it); returns the times map. */
function writeFleet(dir, hosts, extra = {}) {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const times = {};
  for (const h of hosts) Object.assign(times, h.write(dir));
  for (const [rel, data] of Object.entries(extra)) fs.writeFileSync(path.join(dir, rel), data);
  return times;
}

export function makeNamedFleets() {
  for (const [name, make] of Object.entries(FLEETS)) {
    const dir = path.join(FLEETS_DIR, name);
    // A zip cut short: the local header of a real entry and then nothing (no central directory).
    const extra = name === 'broken' ? { 'MFA13.zip': Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]), bytes('mfa13', 200)]) } : {};
    const times = writeFleet(dir, make(), extra);
    fs.writeFileSync(path.join(FLEETS_DIR, `${name}.times.json`), `${JSON.stringify(times, null, 2)}\n`);
  }
}

/** A seeded PRNG (sha256 counter) returning [0, 1). */
function prng(seed) {
  let i = 0;
  return () => sha(`${seed}:${i++}`).readUInt32BE(0) / 2 ** 32;
}

/**
 * n synthetic hosts into dir/<host>/: replication groups of one primary and three subordinates, a User Portal per
 * group and an AD FS pair per ten groups, the rest standalone MFA Servers; versions 7.x-8.0 (all pending). Used by
 * the memory benchmark (bench/), not by the tests' expectations. Deterministic for a seed.
 */
export function generateFleet(dir, n, seed = 1) {
  const rnd = prng(`fleet:${seed}`);
  const versions = ['8.0.1.1', '8.0.0.3', '7.3.0.3'];
  const hosts = [];
  let g = 0;
  while (hosts.length < n) {
    g++;
    const group = `G${String(g).padStart(3, '0')}`;
    const version = versions[Math.floor(rnd() * versions.length)];
    const p = `MFA${group}P`;
    const plan = [
      () => mfaHost(p, { version, roles: { replication: 'primary', replicationGroup: group, loadBalanced: true } }),
      ...[1, 2, 3].map((k) => () => mfaHost(`MFA${group}S${k}`, { version, roles: { replication: 'subordinate', replicationGroup: group, loadBalanced: true } })),
      () => portalHost(`WEB${group}`, { version, sdkUrl: sdk(p) }),
    ];
    if (g % 10 === 0) for (const k of [1, 2]) plan.push(() => adfsHost(`ADFS${group}N${k}`, { version, farm: `sts-${group.toLowerCase()}.contoso.com`, sdkUrl: sdk(p) }));
    for (const make of plan) if (hosts.length < n) hosts.push(make());
  }
  writeFleet(dir, []);
  for (const h of hosts) h.write(dir);
  return hosts.map((h) => path.join(dir, h.name));
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const args = process.argv.slice(2);
  if (args[0] === '--synthetic') {
    const out = generateFleet(path.resolve(args[1]), Number(args[2] ?? 50), Number(args[3] ?? 1));
    process.stdout.write(`${out.length} hosts in ${args[1]}\n`);
  } else {
    makeNamedFleets();
    process.stdout.write(`fleets written to ${FLEETS_DIR}\n`);
  }
}
