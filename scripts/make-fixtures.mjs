#!/usr/bin/env node
/**
 * make-fixtures.mjs: (re)generates every test host under fixtures/hosts/ (plain Node ESM, no dependencies).
 *
 * Each host is a bundle folder (see ../../shared/spec/bundle.md): bundle.json, fs/<drive>/..., registry/*.reg,
 * optionally manifest.json. Beside it:
 *   <name>.times.json     bundle-relative path -> ISO last-write time, for every file (git keeps no file times;
 *                         tests copy the host to a temp folder and apply these with fs.utimes)
 *   <name>.expected.json  an independent reading of rules.md for that host (the oracle for end-to-end tests)
 *
 * This script is the source of truth: never edit the generated files by hand; change this file and run
 *   node scripts/make-fixtures.mjs
 * Output is deterministic (no clock, no randomness: "random" bytes come from sha256 of a seed).
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');
const HOSTS_DIR = path.join(FIXTURES, 'hosts');
const CRLF = '\r\n';

// ---------------------------------------------------------------------------------------------------------------
// Deterministic bytes
// ---------------------------------------------------------------------------------------------------------------

const sha = (data) => createHash('sha256').update(data).digest();

/** n pseudo-random bytes from a seed (sha256 chain). */
function bytes(seed, n) {
  const out = Buffer.alloc(n);
  let block = sha(`bytes:${seed}`);
  for (let i = 0; i < n; i += 32) {
    block.copy(out, i, 0, Math.min(32, n - i));
    block = sha(Buffer.concat([block, Buffer.from(seed)]));
  }
  return out;
}
const hexOf = (seed, n) => bytes(seed, n).toString('hex').toUpperCase();

/** A registry-style GUID "{XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX}" from a seed. */
function guid(seed) {
  const h = sha(`guid:${seed}`).toString('hex').toUpperCase();
  return `{${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}}`;
}

/** Windows text: CRLF line ends. */
const crlf = (s) => s.replace(/\r?\n/g, CRLF);
/** XML attribute/text escaping for values we plant (so that planted markup is still well-formed XML). */
const xml = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A placeholder PE file: "MZ" header and a product string, then seeded bytes. */
function exe(name, size = 2048) {
  const head = Buffer.from(`MZ\x90\x00\x03\x00\x00\x00This program cannot be run in DOS mode.\r\r\n$\x00${name}\x00`, 'latin1');
  return Buffer.concat([head, bytes(name, size - head.length)]);
}
/** A placeholder MSI: the OLE compound-file signature, then seeded bytes. */
function msi(name, version, size = 3072) {
  const head = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  return Buffer.concat([head, Buffer.from(`${name} ${version}\x00`, 'latin1'), bytes(`${name}${version}`, size - 40)]);
}
/** A binary-looking data file ("PhoneFactor.pfdata"): a short header and seeded bytes. */
function pfdata(seed, size = 6144) {
  const head = Buffer.from('PFDB\x01\x00\x06\x00', 'latin1');
  return Buffer.concat([head, bytes(`pfdata:${seed}`, size - head.length)]);
}

// --- a tiny valid PNG (stored deflate, so the bytes never depend on the zlib version) ---
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function pngChunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}
/** An 8x8 PNG whose pixels come from the seed (so two images of different seeds never share content). */
function png(seed, w = 8, h = 8) {
  const px = bytes(`png:${seed}`, w * h * 3);
  const raw = Buffer.alloc(h * (1 + w * 3));
  for (let y = 0; y < h; y++) px.copy(raw, y * (1 + w * 3) + 1, y * w * 3, (y + 1) * w * 3);
  let a = 1, b = 0;
  for (const x of raw) { a = (a + x) % 65521; b = (b + a) % 65521; }
  const len = Buffer.alloc(5);
  len[0] = 1; len.writeUInt16LE(raw.length, 1); len.writeUInt16LE(~raw.length & 0xffff, 3);
  const adler = Buffer.alloc(4);
  adler.writeUInt32BE(((b << 16) | a) >>> 0);
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0); ihdr.writeUInt32BE(h, 4); ihdr[8] = 8; ihdr[9] = 2;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', Buffer.concat([Buffer.from([0x78, 0x01]), len, raw, adler])),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

// ---------------------------------------------------------------------------------------------------------------
// Registry exports, byte for byte as `reg export` writes them
// ---------------------------------------------------------------------------------------------------------------

const HKLM = 'HKEY_LOCAL_MACHINE';
const UNINST = `${HKLM}\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Uninstall`;
const UNINST32 = `${HKLM}\\SOFTWARE\\WOW6432Node\\Microsoft\\Windows\\CurrentVersion\\Uninstall`;
const POSITIVE = `${HKLM}\\SOFTWARE\\WOW6432Node\\Positive Networks`;
const NDP = `${HKLM}\\SOFTWARE\\Microsoft\\NET Framework Setup\\NDP`;
const VS = `${HKLM}\\SOFTWARE\\WOW6432Node\\Microsoft\\VisualStudio`;

const sz = (name, data) => ({ name, type: 'sz', data });
const dword = (name, data) => ({ name, type: 'dword', data });
const expand = (name, data) => ({ name, type: 'expand', data });
const multi = (name, data) => ({ name, type: 'multi', data });
/** A line written as is (only for the broken-inputs host: junk a hand edit left behind). */
const rawLine = (line) => ({ type: 'raw', line });

function regKey(keyPath, values = []) {
  return { path: keyPath, values };
}

const regEsc = (s) => s.replace(/\\/g, '\\\\').replace(/"/g, '\\"');
const regName = (name) => (name === '' ? '@' : `"${regEsc(name)}"`);
const utf16z = (s) => Buffer.from(`${s}\0`, 'utf16le');

/** `hex(N):` list wrapped the way regedit does it: a `,\` break once a line reaches ~77 columns, 2-space indent. */
function hexList(prefix, buf) {
  let out = prefix;
  let col = prefix.length;
  for (let i = 0; i < buf.length; i++) {
    out += buf[i].toString(16).padStart(2, '0');
    if (i === buf.length - 1) break;
    out += ',';
    col += 3;
    if (col >= 77) {
      out += `\\${CRLF}  `;
      col = 2;
    }
  }
  return out;
}

function regValueLine(v) {
  if (v.type === 'raw') return v.line;
  const n = regName(v.name);
  switch (v.type) {
    case 'sz': return `${n}="${regEsc(v.data)}"`;
    case 'dword': return `${n}=dword:${(v.data >>> 0).toString(16).padStart(8, '0')}`;
    case 'expand': return hexList(`${n}=hex(2):`, utf16z(v.data));
    case 'multi': return hexList(`${n}=hex(7):`, Buffer.concat([...v.data.map(utf16z), Buffer.from([0, 0])]));
    case 'binary': return hexList(`${n}=hex:`, v.data);
    default: throw new Error(`unknown value type ${v.type}`);
  }
}

/** Compare key paths the way a registry export orders them: depth first, siblings by upper-case name. */
function compareKeyPaths(a, b) {
  const sa = a.split('\\'), sb = b.split('\\');
  for (let i = 0; i < Math.min(sa.length, sb.length); i++) {
    const x = sa[i].toUpperCase(), y = sb[i].toUpperCase();
    if (x !== y) return x < y ? -1 : 1;
  }
  return sa.length - sb.length;
}

/**
 * What `reg export <root> file.reg` writes: the root key, every key below it (intermediate keys included, as
 * empty blocks), in export order. `keys` may come in any order.
 */
function exportTree(root, keys) {
  const byPath = new Map();
  const add = (k) => {
    const prev = byPath.get(k.path.toUpperCase());
    if (prev) prev.values.push(...k.values);
    else byPath.set(k.path.toUpperCase(), { path: k.path, values: [...k.values] });
  };
  add(regKey(root));
  for (const k of keys) {
    if (!k.path.toUpperCase().startsWith(root.toUpperCase())) throw new Error(`${k.path} is not under ${root}`);
    const parts = k.path.slice(root.length + 1).split('\\');
    for (let i = 1; i < parts.length; i++) add(regKey(`${root}\\${parts.slice(0, i).join('\\')}`));
    add(k);
  }
  return [...byPath.values()].sort((a, b) => compareKeyPaths(a.path, b.path));
}

/** The bytes of a v5 .reg file: UTF-16LE with BOM, CRLF, a blank line after the header and after every key. */
function regFile(keys) {
  let text = `Windows Registry Editor Version 5.00${CRLF}${CRLF}`;
  for (const k of keys) {
    text += `[${k.path}]${CRLF}`;
    for (const v of k.values) text += `${regValueLine(v)}${CRLF}`;
    text += CRLF;
  }
  return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
}

/**
 * One Uninstall entry. MSI products get the values (and the value order) Windows Installer writes, with
 * DisplayName last; others get what their setup writes.
 */
function uninstallEntry(e) {
  const base = e.wow64 ? UNINST32 : UNINST;
  if (e.msi === false) {
    const vals = [sz('DisplayName', e.name)];
    if (e.version) vals.push(sz('DisplayVersion', e.version));
    if (e.publisher) vals.push(sz('Publisher', e.publisher));
    if (e.location) vals.push(sz('InstallLocation', e.location));
    if (e.date) vals.push(sz('InstallDate', e.date));
    if (e.icon) vals.push(sz('DisplayIcon', e.icon));
    vals.push(sz('UninstallString', e.uninstall ?? `"${e.location ?? 'C:\\Program Files\\'}uninstall.exe"`));
    if (e.sizeKb) vals.push(dword('EstimatedSize', e.sizeKb));
    vals.push(dword('NoModify', 1), dword('NoRepair', 1));
    if (e.extra) vals.push(...e.extra);
    return regKey(`${base}\\${e.key ?? e.name}`, vals);
  }
  const code = e.code ?? guid(`${e.name} ${e.version}`);
  const [maj = 0, min = 0, bld = 0] = e.version.split('.').map(Number);
  const packed = (((maj & 0xff) << 24) | ((min & 0xff) << 16) | (bld & 0xffff)) >>> 0;
  const vals = [
    sz('AuthorizedCDFPrefix', ''),
    sz('Comments', e.comments ?? ''),
    sz('Contact', ''),
    sz('DisplayVersion', e.version),
    sz('HelpLink', e.helpLink ?? ''),
    sz('HelpTelephone', ''),
    sz('InstallDate', e.date),
    sz('InstallLocation', e.location ?? ''),
    sz('InstallSource', e.source ?? ''),
    expand('ModifyPath', `MsiExec.exe /I${code}`),
    ...(e.noModify ? [dword('NoModify', 1)] : []),
    sz('Publisher', e.publisher ?? 'Microsoft Corporation'),
    sz('Readme', ''),
    sz('Size', ''),
    dword('EstimatedSize', e.sizeKb ?? 10240),
    expand('UninstallString', `MsiExec.exe /X${code}`),
    sz('URLInfoAbout', e.url ?? ''),
    sz('URLUpdateInfo', ''),
    dword('VersionMajor', maj),
    dword('VersionMinor', min),
    dword('WindowsInstaller', 1),
    dword('Version', packed),
    dword('Language', 1033),
    sz('DisplayName', e.name),
    ...(e.extra ?? []),
  ];
  if (e.badLines) vals.splice(5, 0, ...e.badLines);
  return regKey(`${base}\\${code}`, vals);
}

/** The keys every Windows Server has under Uninstall (both views), mostly empty. */
function windowsUninstallDefaults(wow64) {
  const base = wow64 ? UNINST32 : UNINST;
  const names = ['AddressBook', 'Connection Manager', 'DirectDrawEx', 'DXM_Runtime', 'Fontcore', 'IE40', 'IE4Data',
    'IE5BAKEX', 'IEData', 'MobileOptionPack', 'MPlayer2', 'SchedulingAgent', 'WIC'];
  return names.map((n) => regKey(`${base}\\${n}`, n === 'Connection Manager' || n === 'WIC' ? [dword('SystemComponent', 1)] : []));
}

/** Other software a server carries: noise the inventory must see past (some are near misses on purpose). */
const NOISE = {
  vmtools: { name: 'VMware Tools', version: '11.3.5.18557794', publisher: 'VMware, Inc.', location: 'C:\\Program Files\\VMware\\VMware Tools\\', sizeKb: 91904 },
  npp: { msi: false, key: 'Notepad++', name: 'Notepad++ (64-bit x64)', version: '7.9.5', publisher: 'Notepad++ Team', location: 'C:\\Program Files\\Notepad++', icon: 'C:\\Program Files\\Notepad++\\notepad++.exe', uninstall: 'C:\\Program Files\\Notepad++\\uninstall.exe', sizeKb: 12800 },
  sevenzip: { msi: false, key: '7-Zip', name: '7-Zip 19.00 (x64)', version: '19.00', publisher: 'Igor Pavlov', location: 'C:\\Program Files\\7-Zip\\', icon: 'C:\\Program Files\\7-Zip\\7zFM.exe', uninstall: '"C:\\Program Files\\7-Zip\\Uninstall.exe"', sizeKb: 5306 },
  laps: { name: 'Local Administrator Password Solution', version: '6.2.0.0', location: '', sizeKb: 1044 },
  sep: { name: 'Symantec Endpoint Protection', version: '14.3.558.0000', publisher: 'Broadcom', location: 'C:\\Program Files\\Symantec\\Symantec Endpoint Protection\\', sizeKb: 412016 },
  // "Server" without a brand token: must not be taken for MFA Server.
  sqlncli: { name: 'Microsoft SQL Server 2012 Native Client ', version: '11.4.7001.0', location: '', sizeKb: 8356 },
  omsa: { name: 'Dell EMC OpenManage Systems Management Software (64-Bit)', version: '9.5.0', publisher: 'Dell Inc.', location: 'C:\\Program Files\\Dell\\SysMgt\\', sizeKb: 215040 },
  // "Agent" without a brand token.
  mma: { name: 'Microsoft Monitoring Agent', version: '10.20.18053.0', location: 'C:\\Program Files\\Microsoft Monitoring Agent\\', sizeKb: 201728 },
  webdeploy: { name: 'Microsoft Web Deploy 3.6', version: '10.0.1973', location: 'C:\\Program Files\\IIS\\Microsoft Web Deploy V3\\', sizeKb: 21000 },
  urlrewrite: { name: 'IIS URL Rewrite Module 2', version: '7.2.1993', location: '', sizeKb: 3264 },
  vc2010x64: { name: 'Microsoft Visual C++ 2010  x64 Redistributable - 10.0.40219', version: '10.0.40219', code: '{1D8E6291-B0D5-35EC-8441-6616F567A0F7}', sizeKb: 13848 },
  vc2012x64min: { name: 'Microsoft Visual C++ 2012 x64 Minimum Runtime - 11.0.61030', version: '11.0.61030', code: '{CF2BEA3C-26EA-32F8-AA9B-331F7E34BA97}', sizeKb: 2047 },
  vc2013x64min: { name: 'Microsoft Visual C++ 2013 x64 Minimum Runtime - 12.0.40660', version: '12.0.40660', code: '{8D4D9D6A-4B3A-3A19-9D2D-1D8E3B6A8C4F}', sizeKb: 2214 },
  vc2015x64min: { name: 'Microsoft Visual C++ 2015 x64 Minimum Runtime - 14.0.24215', version: '14.0.24215', code: '{50A2BC33-C9CD-3BF1-A8FF-53C10A0B183C}', sizeKb: 2100 },
  vc2015x64add: { name: 'Microsoft Visual C++ 2015 x64 Additional Runtime - 14.0.24215', version: '14.0.24215', code: '{EF1EC6A9-17DE-3DA9-B040-686A1E8A8B04}', sizeKb: 8300 },
  vc2015x64rtm: { name: 'Microsoft Visual C++ 2015 x64 Minimum Runtime - 14.0.23026', version: '14.0.23026', code: '{0D3E9E15-DE7A-300B-96F1-B4AF12B96488}', sizeKb: 2060 },
  vc2022x64min: { name: 'Microsoft Visual C++ 2022 X64 Minimum Runtime - 14.32.31332', version: '14.32.31332', code: '{3407B900-37F5-4CC2-B612-E8E4AD2DE0B7}', sizeKb: 2300 },
  // wow64 (32-bit view)
  vc2008x86: { wow64: true, name: 'Microsoft Visual C++ 2008 Redistributable - x86 9.0.30729.6161', version: '9.0.30729.6161', code: '{9BE518E6-ECC6-35A9-88E4-87755C07200F}', sizeKb: 10500 },
  vc2010x86: { wow64: true, name: 'Microsoft Visual C++ 2010  x86 Redistributable - 10.0.40219', version: '10.0.40219', code: '{F0C3E5D1-1ADE-321E-8167-68EF0DE699A5}', sizeKb: 11004 },
  vc2015x86min: { wow64: true, name: 'Microsoft Visual C++ 2015 x86 Minimum Runtime - 14.0.24215', version: '14.0.24215', code: '{BBF2AC74-720C-3CB3-8291-5E34039232FA}', sizeKb: 1800 },
  vc2015x64bundle: { wow64: true, msi: false, key: '{d992c12e-cab2-426f-bde3-fb8c53950b0d}', name: 'Microsoft Visual C++ 2015 Redistributable (x64) - 14.0.24215', version: '14.0.24215.1', publisher: 'Microsoft Corporation', uninstall: '"C:\\ProgramData\\Package Cache\\{d992c12e-cab2-426f-bde3-fb8c53950b0d}\\vc_redist.x64.exe"  /uninstall', sizeKb: 23308, extra: [sz('BundleVersion', '14.0.24215.1'), sz('BundleProviderKey', '{d992c12e-cab2-426f-bde3-fb8c53950b0d}')] },
  vc2015x86bundle: { wow64: true, msi: false, key: '{e2803110-78b3-4664-a479-3611a381656a}', name: 'Microsoft Visual C++ 2015 Redistributable (x86) - 14.0.24215', version: '14.0.24215.1', publisher: 'Microsoft Corporation', uninstall: '"C:\\ProgramData\\Package Cache\\{e2803110-78b3-4664-a479-3611a381656a}\\vc_redist.x86.exe"  /uninstall', sizeKb: 20516, extra: [sz('BundleVersion', '14.0.24215.1'), sz('BundleProviderKey', '{e2803110-78b3-4664-a479-3611a381656a}')] },
  vc2022x86min: { wow64: true, name: 'Microsoft Visual C++ 2022 X86 Minimum Runtime - 14.32.31332', version: '14.32.31332', code: '{E7802EAC-3E9E-4E29-9E0D-5E0F8F3E5B1A}', sizeKb: 1800 },
  chrome: { wow64: true, msi: false, key: 'Google Chrome', name: 'Google Chrome', version: '119.0.6045.160', publisher: 'Google LLC', location: 'C:\\Program Files\\Google\\Chrome\\Application', icon: 'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe,0', uninstall: '"C:\\Program Files\\Google\\Chrome\\Application\\119.0.6045.160\\Installer\\setup.exe" --uninstall --channel=stable --system-level --verbose-logging' },
  edge: { wow64: true, msi: false, key: 'Microsoft Edge', name: 'Microsoft Edge', version: '119.0.2151.72', publisher: 'Microsoft Corporation', location: 'C:\\Program Files (x86)\\Microsoft\\Edge\\Application', icon: 'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe,0', uninstall: '"C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\119.0.2151.72\\Installer\\setup.exe" --uninstall --msedge --channel=stable --system-level --verbose-logging' },
  // Brand token "MFA" but no component token: the NPS extension is not MFA Server.
  npsext: { name: 'NPS Extension For Azure MFA', version: '1.2.2216.1', location: 'C:\\Program Files\\Microsoft\\AzureMfa\\', sizeKb: 4100 },
  // "Azure" + "AD FS" + "agent" but no brand token.
  aadchadfs: { name: 'Microsoft Azure AD Connect Health agent for AD FS', version: '3.2.2256.26', location: 'C:\\Program Files\\Azure Ad Connect Health Adfs Agent\\', sizeKb: 14500 },
  netfx452: { wow64: true, msi: false, key: '{92FB6C44-E685-45AD-9B20-CADF4CABA132} - 1033', name: 'Microsoft .NET Framework 4.5.2', version: '4.5.51209', publisher: 'Microsoft Corporation', uninstall: 'C:\\Windows\\Microsoft.NET\\Framework64\\v4.0.30319\\SetupCache\\v4.5.51209\\\\Setup.exe /repair /x86 /x64 /parameterfolder Client' },
};

/** Noise entries by name, each with an install date. */
const noise = (names, date) => names.map((n) => uninstallEntry({ ...NOISE[n], date: NOISE[n].date ?? date }));

/** A .NET Framework update entry (the "KB" keys of an Uninstall export). */
function kbEntry(kb, parentName, date) {
  const parent = '{92FB6C44-E685-45AD-9B20-CADF4CABA132} - 1033';
  return regKey(`${UNINST32}\\${parent}.KB${kb}`, [
    sz('DisplayName', `Update for ${parentName} (KB${kb})`),
    sz('DisplayVersion', '1'),
    sz('InstallDate', date),
    dword('NoModify', 1),
    dword('NoRemove', 0),
    dword('NoRepair', 1),
    sz('ParentDisplayName', parentName),
    sz('ParentKeyName', parent),
    sz('Publisher', 'Microsoft Corporation'),
    sz('ReleaseType', 'Update'),
    sz('UninstallString', `C:\\Windows\\Microsoft.NET\\Framework64\\v4.0.30319\\SetupCache\\KB${kb}\\setup.exe`),
  ]);
}

/** registry/netfx.reg: `reg export "HKLM\SOFTWARE\Microsoft\NET Framework Setup\NDP"`. release: number, 'v4.0' (no Release), or null (no v4). */
function netfxKeys(release, version) {
  const keys = [
    regKey(`${NDP}\\v2.0.50727`, [sz('Version', '2.0.50727.4927'), dword('Install', 1), dword('SP', 2)]),
    regKey(`${NDP}\\v2.0.50727\\1033`, [dword('Install', 1), dword('SP', 2), sz('Version', '2.0.50727.4927')]),
    regKey(`${NDP}\\v3.0`, [dword('Install', 1), dword('SP', 2), sz('Version', '3.0.30729.4926')]),
    regKey(`${NDP}\\v3.5`, [sz('Version', '3.5.30729.4926'), dword('Install', 1), sz('InstallPath', 'C:\\Windows\\Microsoft.NET\\Framework64\\v3.5\\'), dword('SP', 1)]),
  ];
  if (release !== null) {
    // .NET 4.5 and newer are Windows components (CBS); a 4.0-only host has the redistributable.
    const full = [...(typeof release === 'number' ? [dword('CBS', 1)] : []), dword('Install', 1), sz('InstallPath', 'C:\\Windows\\Microsoft.NET\\Framework64\\v4.0.30319\\')];
    if (typeof release === 'number') full.push(dword('Release', release));
    full.push(dword('Servicing', 0), sz('TargetVersion', '4.0.0'), sz('Version', version));
    keys.push(
      regKey(`${NDP}\\v4\\Client`, full.filter((v) => v.name !== 'InstallPath')),
      regKey(`${NDP}\\v4\\Full`, full),
      regKey(`${NDP}\\v4\\Full\\1033`, [sz('Version', version), dword('Servicing', 0), dword('Install', 1)]),
      regKey(`${NDP}\\v4.0`, [sz('', 'deprecated')]),
    );
  }
  return exportTree(NDP, keys);
}

/** One VC++ runtime key (...\VisualStudio\14.0\VC\Runtimes\<arch>). */
function vcRuntime(arch, minor, bld, rbld) {
  return regKey(`${VS}\\14.0\\VC\\Runtimes\\${arch}`, [
    dword('Installed', 1), dword('Major', 14), dword('Minor', minor), dword('Bld', bld), dword('Rbld', rbld),
    sz('Version', `v14.${minor}.${bld}.${String(rbld).padStart(2, '0')}`),
  ]);
}
/** registry/vcredist.reg: `reg export "HKLM\SOFTWARE\WOW6432Node\Microsoft\VisualStudio"`; older runtimes always there. */
function vcredistKeys(runtimes) {
  const old = [
    regKey(`${VS}\\10.0\\VC\\VCRedist\\x64`, [dword('Installed', 1), dword('Major', 10), dword('Minor', 0), dword('Bld', 40219), dword('Rbld', 325), sz('Version', 'v10.0.40219.325')]),
    regKey(`${VS}\\10.0\\VC\\VCRedist\\x86`, [dword('Installed', 1), dword('Major', 10), dword('Minor', 0), dword('Bld', 40219), dword('Rbld', 325), sz('Version', 'v10.0.40219.325')]),
    regKey(`${VS}\\11.0\\VC\\Runtimes\\x64`, [dword('Installed', 1), dword('Major', 11), dword('Minor', 0), dword('Bld', 61030), dword('Rbld', 0), sz('Version', 'v11.0.61030.00')]),
    regKey(`${VS}\\12.0\\VC\\Runtimes\\x64`, [dword('Installed', 1), dword('Major', 12), dword('Minor', 0), dword('Bld', 40660), dword('Rbld', 0), sz('Version', 'v12.0.40660.00')]),
  ];
  return exportTree(VS, [...old, ...runtimes]);
}

const OS = {
  '2008r2': { caption: 'Windows Server 2008 R2 Standard', version: '6.1.7601', product: 'Windows Server 2008 R2 Standard', build: '7601', current: '6.1', major: null },
  '2012r2': { caption: 'Windows Server 2012 R2 Standard', version: '6.3.9600', product: 'Windows Server 2012 R2 Standard', build: '9600', current: '6.3', major: null },
  '2016': { caption: 'Windows Server 2016 Standard', version: '10.0.14393', product: 'Windows Server 2016 Standard', build: '14393', current: '6.3', major: 10 },
  '2019': { caption: 'Windows Server 2019 Datacenter', version: '10.0.17763', product: 'Windows Server 2019 Datacenter', build: '17763', current: '6.3', major: 10 },
  '2022': { caption: 'Windows Server 2022 Standard', version: '10.0.20348', product: 'Windows Server 2022 Standard', build: '20348', current: '6.3', major: 10 },
};

/** registry/windows.reg: the path values of ...\Windows\CurrentVersion and the version of ...\Windows NT\CurrentVersion. */
function windowsKeys(os) {
  const nt = [sz('CurrentBuild', os.build), sz('CurrentBuildNumber', os.build)];
  if (os.major !== null) nt.push(dword('CurrentMajorVersionNumber', os.major), dword('CurrentMinorVersionNumber', 0));
  nt.push(sz('CurrentVersion', os.current), sz('EditionID', os.product.split(' ').pop() === 'Datacenter' ? 'ServerDatacenter' : 'ServerStandard'),
    sz('InstallationType', 'Server'), sz('ProductName', os.product), sz('SystemRoot', 'C:\\Windows'));
  return [
    regKey(`${HKLM}\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion`, [
      sz('CommonFilesDir', 'C:\\Program Files\\Common Files'),
      sz('CommonFilesDir (x86)', 'C:\\Program Files (x86)\\Common Files'),
      sz('CommonW6432Dir', 'C:\\Program Files\\Common Files'),
      sz('DevicePath', '%SystemRoot%\\inf'),
      sz('MediaPathUnexpanded', '%SystemRoot%\\Media'),
      sz('ProgramFilesDir', 'C:\\Program Files'),
      sz('ProgramFilesDir (x86)', 'C:\\Program Files (x86)'),
      expand('ProgramFilesPath', '%ProgramFiles%'),
      sz('ProgramW6432Dir', 'C:\\Program Files'),
    ]),
    regKey(`${HKLM}\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion`, nt),
  ];
}

function computerNameKeys(name) {
  return [regKey(`${HKLM}\\SYSTEM\\CurrentControlSet\\Control\\ComputerName\\ComputerName`, [sz('', 'mnmsrvc'), sz('ComputerName', name)])];
}

/** registry/phonefactor.reg: `reg export "HKLM\SOFTWARE\WOW6432Node\Positive Networks"`. */
function phoneFactorKeys(installPath, extra = []) {
  return exportTree(POSITIVE, [regKey(`${POSITIVE}\\PhoneFactor`, [sz('InstallPath', installPath), ...extra])]);
}

// ---------------------------------------------------------------------------------------------------------------
// IIS: applicationHost.config (full IIS shape) and redirection.config
// ---------------------------------------------------------------------------------------------------------------

const GLOBAL_MODULES = [
  ['UriCacheModule', '%windir%\\System32\\inetsrv\\cachuri.dll'], ['FileCacheModule', '%windir%\\System32\\inetsrv\\cachfile.dll'],
  ['TokenCacheModule', '%windir%\\System32\\inetsrv\\cachtokn.dll'], ['HttpCacheModule', '%windir%\\System32\\inetsrv\\cachhttp.dll'],
  ['StaticCompressionModule', '%windir%\\System32\\inetsrv\\compstat.dll'], ['DefaultDocumentModule', '%windir%\\System32\\inetsrv\\defdoc.dll'],
  ['DirectoryListingModule', '%windir%\\System32\\inetsrv\\dirlist.dll'], ['ProtocolSupportModule', '%windir%\\System32\\inetsrv\\protsup.dll'],
  ['StaticFileModule', '%windir%\\System32\\inetsrv\\static.dll'], ['AnonymousAuthenticationModule', '%windir%\\System32\\inetsrv\\authanon.dll'],
  ['BasicAuthenticationModule', '%windir%\\System32\\inetsrv\\authbas.dll'], ['WindowsAuthenticationModule', '%windir%\\System32\\inetsrv\\authsspi.dll'],
  ['RequestFilteringModule', '%windir%\\System32\\inetsrv\\modrqflt.dll'], ['CustomErrorModule', '%windir%\\System32\\inetsrv\\custerr.dll'],
  ['IsapiModule', '%windir%\\System32\\inetsrv\\isapi.dll'], ['IsapiFilterModule', '%windir%\\System32\\inetsrv\\filter.dll'],
  ['HttpLoggingModule', '%windir%\\System32\\inetsrv\\loghttp.dll'], ['ConfigurationValidationModule', '%windir%\\System32\\inetsrv\\validcfg.dll'],
  ['ManagedEngine64', '%windir%\\Microsoft.NET\\Framework64\\v2.0.50727\\webengine.dll', 'integratedMode,runtimeVersionv2.0,bitness64'],
  ['ManagedEngineV4.0_32bit', '%windir%\\Microsoft.NET\\Framework\\v4.0.30319\\webengine4.dll', 'integratedMode,runtimeVersionv4.0,bitness32'],
  ['ManagedEngineV4.0_64bit', '%windir%\\Microsoft.NET\\Framework64\\v4.0.30319\\webengine4.dll', 'integratedMode,runtimeVersionv4.0,bitness64'],
];

/**
 * applicationHost.config as IIS writes it. opts: { pools: [{name, runtime, pipeline}], sites: [{name, id, bindings:
 * [[protocol, info]], apps: [{path, pool, physicalPath}]}], locations: [{path, ssl, basic}] }.
 */
function appHost(opts) {
  const pools = opts.pools.map((p) =>
    `            <add name="${p.name}"${p.runtime ? ` managedRuntimeVersion="${p.runtime}"` : ''}${p.pipeline ? ` managedPipelineMode="${p.pipeline}"` : ''} />`).join('\n');
  const sites = opts.sites.map((s) => {
    const apps = s.apps.map((a) => [
      `                <application path="${xml(a.path)}"${a.pool ? ` applicationPool="${a.pool}"` : ''}>`,
      `                    <virtualDirectory path="/" physicalPath="${xml(a.physicalPath)}" />`,
      ...(a.vdirs ?? []).map((v) => `                    <virtualDirectory path="${xml(v.path)}" physicalPath="${xml(v.physicalPath)}" />`),
      '                </application>',
    ].join('\n')).join('\n');
    const binds = s.bindings.map(([proto, info]) =>
      `                    <binding protocol="${proto}" bindingInformation="${info}"${proto === 'https' ? ' sslFlags="0"' : ''} />`).join('\n');
    return `            <site name="${s.name}" id="${s.id}" serverAutoStart="true">\n${apps}\n                <bindings>\n${binds}\n                </bindings>\n            </site>`;
  }).join('\n');
  const modules = GLOBAL_MODULES.map(([n, img, pre]) => `            <add name="${n}" image="${img}"${pre ? ` preCondition="${pre}"` : ''} />`).join('\n');
  const locations = (opts.locations ?? []).map((l) => `
    <location path="${xml(l.path)}">
        <system.webServer>
            <security>
                <access sslFlags="${l.ssl ? 'Ssl' : 'None'}" />${l.basic ? `
                <authentication>
                    <anonymousAuthentication enabled="false" />
                    <basicAuthentication enabled="true" />
                    <windowsAuthentication enabled="false" />
                </authentication>` : ''}
            </security>
        </system.webServer>
    </location>`).join('');
  return crlf(`<?xml version="1.0" encoding="UTF-8"?>
<!--

    IIS configuration sections.

    For schema documentation, see
    %windir%\\system32\\inetsrv\\config\\schema\\IIS_schema.xml.
    
    Please make a backup of this file before making any changes to it.

-->

<configuration>

    <!--

        The <configSections> section controls the registration of sections.
        Section is the basic unit of deployment, locking, searching and
        containment for configuration settings.
        
        Every section belongs to one section group.
        A section group is a container of logically-related sections.
        
        Sections cannot be nested.
        Section groups may be nested.

    -->
    <configSections>
        <sectionGroup name="system.applicationHost">
            <section name="applicationPools" allowDefinition="AppHostOnly" overrideModeDefault="Deny" />
            <section name="configHistory" allowDefinition="AppHostOnly" overrideModeDefault="Deny" />
            <section name="customMetadata" allowDefinition="AppHostOnly" overrideModeDefault="Deny" />
            <section name="listenerAdapters" allowDefinition="AppHostOnly" overrideModeDefault="Deny" />
            <section name="log" allowDefinition="AppHostOnly" overrideModeDefault="Deny" />
            <section name="serviceAutoStartProviders" allowDefinition="AppHostOnly" overrideModeDefault="Deny" />
            <section name="sites" allowDefinition="AppHostOnly" overrideModeDefault="Deny" />
            <section name="webLimits" allowDefinition="AppHostOnly" overrideModeDefault="Deny" />
        </sectionGroup>

        <sectionGroup name="system.webServer">
            <section name="asp" overrideModeDefault="Deny" />
            <section name="caching" overrideModeDefault="Allow" />
            <section name="defaultDocument" overrideModeDefault="Allow" />
            <section name="directoryBrowse" overrideModeDefault="Allow" />
            <section name="globalModules" allowDefinition="AppHostOnly" overrideModeDefault="Deny" />
            <section name="handlers" overrideModeDefault="Deny" />
            <section name="httpCompression" overrideModeDefault="Allow" />
            <section name="httpErrors" overrideModeDefault="Allow" />
            <section name="httpLogging" overrideModeDefault="Deny" />
            <section name="httpProtocol" overrideModeDefault="Allow" />
            <section name="httpRedirect" overrideModeDefault="Allow" />
            <section name="isapiFilters" allowDefinition="MachineToApplication" overrideModeDefault="Deny" />
            <section name="modules" allowDefinition="MachineToApplication" overrideModeDefault="Deny" />
            <sectionGroup name="security">
                <section name="access" overrideModeDefault="Deny" />
                <sectionGroup name="authentication">
                    <section name="anonymousAuthentication" overrideModeDefault="Deny" />
                    <section name="basicAuthentication" overrideModeDefault="Deny" />
                    <section name="windowsAuthentication" overrideModeDefault="Deny" />
                </sectionGroup>
                <section name="authorization" overrideModeDefault="Allow" />
                <section name="isapiCgiRestriction" allowDefinition="AppHostOnly" overrideModeDefault="Deny" />
                <section name="requestFiltering" overrideModeDefault="Allow" />
            </sectionGroup>
            <section name="serverRuntime" overrideModeDefault="Deny" />
            <section name="staticContent" overrideModeDefault="Allow" />
            <section name="urlCompression" overrideModeDefault="Allow" />
            <section name="validation" overrideModeDefault="Allow" />
        </sectionGroup>
    </configSections>

    <configProtectedData>
        <providers>
            <add name="IISWASOnlyRsaProvider" type="" description="Uses RsaCryptoServiceProvider to encrypt and decrypt" keyContainerName="iisWasKey" cspProviderName="" useMachineContainer="true" useOAEP="false" />
            <add name="IISCngProvider" type="Microsoft.ApplicationHost.CngProtectedConfigurationProvider" description="Uses Win32 Crypto CNG to encrypt and decrypt" keyContainerName="iisCngConfigurationKey" useMachineContainer="true" />
            <add name="AesProvider" type="Microsoft.ApplicationHost.AesProtectedConfigurationProvider" description="Uses an AES session key to encrypt and decrypt" keyContainerName="iisConfigurationKey" cspProviderName="" useOAEP="false" useMachineContainer="true" sessionKey="AQIAAA5mAAAApAAA${Buffer.from(bytes(`aes:${opts.seed}`, 96)).toString('base64')}" />
        </providers>
    </configProtectedData>

    <system.applicationHost>

        <applicationPools>
${pools}
            <applicationPoolDefaults managedRuntimeVersion="v4.0">
                <processModel identityType="ApplicationPoolIdentity" loadUserProfile="true" setProfileEnvironment="false" />
            </applicationPoolDefaults>
        </applicationPools>

        <!--

          The <customMetadata> section is used internally by the Admin Base Objects
          (ABO) Compatibility component. Please do not modify its content.

        -->
        <customMetadata />

        <!--

          The <listenerAdapters> section defines the protocols with which the
          Windows Process Activation Service (WAS) binds.

        -->
        <listenerAdapters>
            <add name="http" />
        </listenerAdapters>

        <log>
            <centralBinaryLogFile enabled="true" directory="%SystemDrive%\\inetpub\\logs\\LogFiles" />
            <centralW3CLogFile enabled="true" directory="%SystemDrive%\\inetpub\\logs\\LogFiles" />
        </log>

        <sites>
${sites}
            <siteDefaults>
                <logFile logFormat="W3C" directory="%SystemDrive%\\inetpub\\logs\\LogFiles" />
                <traceFailedRequestsLogging directory="%SystemDrive%\\inetpub\\logs\\FailedReqLogFiles" />
            </siteDefaults>
            <applicationDefaults applicationPool="DefaultAppPool" />
            <virtualDirectoryDefaults allowSubDirConfig="true" />
        </sites>

        <webLimits />

    </system.applicationHost>

    <system.webServer>

        <asp />

        <caching enabled="true" enableKernelCache="true">
        </caching>

        <defaultDocument enabled="true">
            <files>
                <add value="Default.htm" />
                <add value="Default.asp" />
                <add value="index.htm" />
                <add value="index.html" />
                <add value="iisstart.htm" />
                <add value="default.aspx" />
            </files>
        </defaultDocument>

        <directoryBrowse enabled="false" />

        <globalModules>
${modules}
        </globalModules>

        <httpCompression directory="%SystemDrive%\\inetpub\\temp\\IIS Temporary Compressed Files">
            <scheme name="gzip" dll="%Windir%\\system32\\inetsrv\\gzip.dll" />
            <staticTypes>
                <add mimeType="text/*" enabled="true" />
                <add mimeType="message/*" enabled="true" />
                <add mimeType="application/javascript" enabled="true" />
                <add mimeType="*/*" enabled="false" />
            </staticTypes>
        </httpCompression>

        <httpErrors lockAttributes="allowAbsolutePathsWhenDelegated,defaultPath">
            <error statusCode="401" prefixLanguageFilePath="%SystemDrive%\\inetpub\\custerr" path="401.htm" />
            <error statusCode="403" prefixLanguageFilePath="%SystemDrive%\\inetpub\\custerr" path="403.htm" />
            <error statusCode="404" prefixLanguageFilePath="%SystemDrive%\\inetpub\\custerr" path="404.htm" />
            <error statusCode="405" prefixLanguageFilePath="%SystemDrive%\\inetpub\\custerr" path="405.htm" />
            <error statusCode="500" prefixLanguageFilePath="%SystemDrive%\\inetpub\\custerr" path="500.htm" />
        </httpErrors>

        <httpLogging dontLog="false" />

        <httpProtocol>
            <customHeaders>
                <clear />
                <add name="X-Powered-By" value="ASP.NET" />
            </customHeaders>
            <redirectHeaders>
                <clear />
            </redirectHeaders>
        </httpProtocol>

        <httpRedirect />

        <isapiFilters>
            <filter name="ASP.Net_2.0.50727-64" path="%windir%\\Microsoft.NET\\Framework64\\v2.0.50727\\aspnet_filter.dll" enableCache="true" preCondition="bitness64,runtimeVersionv2.0" />
            <filter name="ASP.Net_4.0_64bit" path="%windir%\\Microsoft.NET\\Framework64\\v4.0.30319\\aspnet_filter.dll" enableCache="true" preCondition="runtimeVersionv4.0,bitness64" />
        </isapiFilters>

        <odbcLogging />

        <security>

            <access sslFlags="None" />

            <authentication>

                <anonymousAuthentication enabled="true" userName="IUSR" />

                <basicAuthentication />

                <windowsAuthentication />

            </authentication>

            <authorization />

            <isapiCgiRestriction>
                <add path="%windir%\\Microsoft.NET\\Framework64\\v4.0.30319\\aspnet_isapi.dll" allowed="true" groupId="ASP.NET v4.0.30319" description="ASP.NET v4.0.30319" />
                <add path="%windir%\\Microsoft.NET\\Framework64\\v2.0.50727\\aspnet_isapi.dll" allowed="true" groupId="ASP.NET v2.0.50727" description="ASP.NET v2.0.50727" />
            </isapiCgiRestriction>

            <requestFiltering>
                <fileExtensions allowUnlisted="true" applyToWebDAV="true" />
                <verbs allowUnlisted="true" applyToWebDAV="true" />
                <hiddenSegments applyToWebDAV="true">
                    <add segment="web.config" />
                    <add segment="bin" />
                    <add segment="App_code" />
                    <add segment="App_Data" />
                </hiddenSegments>
            </requestFiltering>

        </security>

        <serverRuntime />

        <staticContent lockAttributes="isDocFooterFileName">
            <mimeMap fileExtension=".css" mimeType="text/css" />
            <mimeMap fileExtension=".gif" mimeType="image/gif" />
            <mimeMap fileExtension=".htm" mimeType="text/html" />
            <mimeMap fileExtension=".html" mimeType="text/html" />
            <mimeMap fileExtension=".ico" mimeType="image/x-icon" />
            <mimeMap fileExtension=".jpg" mimeType="image/jpeg" />
            <mimeMap fileExtension=".js" mimeType="application/javascript" />
            <mimeMap fileExtension=".json" mimeType="application/json" />
            <mimeMap fileExtension=".png" mimeType="image/png" />
            <mimeMap fileExtension=".svg" mimeType="image/svg+xml" />
            <mimeMap fileExtension=".txt" mimeType="text/plain" />
            <mimeMap fileExtension=".woff" mimeType="font/x-woff" />
            <mimeMap fileExtension=".xml" mimeType="text/xml" />
        </staticContent>

        <urlCompression />

        <validation />

    </system.webServer>
    <location path="" overrideMode="Allow">
        <system.webServer>
            <modules>
                <add name="HttpCacheModule" lockItem="true" />
                <add name="StaticCompressionModule" lockItem="true" />
                <add name="DefaultDocumentModule" lockItem="true" />
                <add name="StaticFileModule" lockItem="true" />
                <add name="AnonymousAuthenticationModule" lockItem="true" />
                <add name="BasicAuthenticationModule" lockItem="true" />
                <add name="WindowsAuthenticationModule" lockItem="true" />
                <add name="RequestFilteringModule" lockItem="true" />
                <add name="CustomErrorModule" lockItem="true" />
                <add name="IsapiModule" lockItem="true" />
                <add name="HttpLoggingModule" lockItem="true" />
                <add name="ConfigurationValidationModule" lockItem="true" />
                <add name="FormsAuthentication" type="System.Web.Security.FormsAuthenticationModule" preCondition="managedHandler" />
                <add name="Session" type="System.Web.SessionState.SessionStateModule" preCondition="managedHandler" />
                <add name="UrlAuthorization" type="System.Web.Security.UrlAuthorizationModule" preCondition="managedHandler" />
            </modules>
            <handlers accessPolicy="Read, Script">
                <add name="WebServiceHandlerFactory-Integrated-4.0" path="*.asmx" verb="GET,HEAD,POST,DEBUG" type="System.Web.Script.Services.ScriptHandlerFactory, System.Web.Extensions, Version=4.0.0.0, Culture=neutral, PublicKeyToken=31bf3856ad364e35" preCondition="integratedMode,runtimeVersionv4.0" />
                <add name="PageHandlerFactory-Integrated-4.0" path="*.aspx" verb="GET,HEAD,POST,DEBUG" type="System.Web.UI.PageHandlerFactory" preCondition="integratedMode,runtimeVersionv4.0" />
                <add name="WebServiceHandlerFactory-Integrated" path="*.asmx" verb="GET,HEAD,POST,DEBUG" type="System.Web.Services.Protocols.WebServiceHandlerFactory, System.Web.Services, Version=2.0.0.0, Culture=neutral, PublicKeyToken=b03f5f7f11d50a3a" preCondition="integratedMode,runtimeVersionv2.0" />
                <add name="PageHandlerFactory-Integrated" path="*.aspx" verb="GET,HEAD,POST,DEBUG" type="System.Web.UI.PageHandlerFactory" preCondition="integratedMode,runtimeVersionv2.0" />
                <add name="TRACEVerbHandler" path="*" verb="TRACE" modules="ProtocolSupportModule" requireAccess="None" />
                <add name="OPTIONSVerbHandler" path="*" verb="OPTIONS" modules="ProtocolSupportModule" requireAccess="None" />
                <add name="StaticFile" path="*" verb="*" modules="StaticFileModule,DefaultDocumentModule,DirectoryListingModule" resourceType="Either" requireAccess="Read" />
            </handlers>
        </system.webServer>
    </location>${locations}
</configuration>
`);
}

/** redirection.config: disabled (the default), or shared configuration on a UNC path (with an encrypted password). */
function redirectionConfig(shared) {
  const redirection = shared
    ? `<configurationRedirection enabled="true" path="${shared.path}" userName="${shared.userName}" password="[enc:IISCngProvider:${Buffer.from(bytes(`redir:${shared.path}`, 120)).toString('base64')}:enc]" />`
    : '<configurationRedirection />';
  return crlf(`<configuration>

    <configSections>
        <section name="configurationRedirection" />
    </configSections>

    <configProtectedData>
        <providers>
            <add name="IISRsaProvider" type="" description="Uses RsaCryptoServiceProvider to encrypt and decrypt" keyContainerName="iisConfigurationKey" cspProviderName="" useMachineContainer="true" useOAEP="false" />
            <add name="IISCngProvider" type="Microsoft.ApplicationHost.CngProtectedConfigurationProvider" description="Uses Win32 Crypto CNG to encrypt and decrypt" keyContainerName="iisCngConfigurationKey" useMachineContainer="true" />
        </providers>
    </configProtectedData>

    ${redirection}

</configuration>
`);
}

// ---------------------------------------------------------------------------------------------------------------
// web.config files of the web parts, and the AD FS adapter config
// ---------------------------------------------------------------------------------------------------------------

/** A machineKey element; its keys are secrets (report.md "Secrets never reach a report"). */
const machineKey = (seed) =>
  `<machineKey validationKey="${hexOf(`vk:${seed}`, 64)}" decryptionKey="${hexOf(`dk:${seed}`, 24)}" validation="SHA1" decryption="AES" />`;

/** The framework-specific bits: 5.x/6.x parts ran on .NET 2.0/3.5, 7.x and newer on .NET 4.5. */
function fx(net) {
  return net === '2.0'
    ? { sys: 'Version=2.0.0.0', compilation: `<compilation debug="false">
      <assemblies>
        <add assembly="System.Core, Version=3.5.0.0, Culture=neutral, PublicKeyToken=B77A5C561934E089" />
        <add assembly="System.Web.Extensions, Version=3.5.0.0, Culture=neutral, PublicKeyToken=31BF3856AD364E35" />
      </assemblies>
    </compilation>`, runtime: '<httpRuntime enableVersionHeader="false" />' }
    : { sys: 'Version=4.0.0.0', compilation: '<compilation debug="false" targetFramework="4.5" />', runtime: '<httpRuntime targetFramework="4.5" enableVersionHeader="false" />' };
}

/**
 * The User Portal's web.config. o: { net, sdkUrl, useSdk, user, password, theme, seed, extraAppSettings: [[k, v]] }.
 * `raw` values are written verbatim (already XML); everything else is escaped.
 */
function portalWebConfig(o) {
  const f = fx(o.net);
  const app = [
    ['LOGGING_ENABLED', 'true'],
    ['USE_WEB_SERVICE_SDK', o.useSdk ? 'true' : 'false'],
    ['WEB_SERVICE_SDK_AUTHENTICATION_USERNAME', o.user],
    ['WEB_SERVICE_SDK_AUTHENTICATION_PASSWORD', o.password],
    ['WEB_SERVICE_SDK_AUTHENTICATION_CERTIFICATE_THUMBPRINT', ''],
    ...(o.extraAppSettings ?? []),
  ].map(([k, v]) => `    <add key="${xml(k)}" value="${xml(v)}" />`).join('\n');
  return crlf(`<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <configSections>
    <sectionGroup name="applicationSettings" type="System.Configuration.ApplicationSettingsGroup, System, ${f.sys}, Culture=neutral, PublicKeyToken=b77a5c561934e089">
      <section name="pfup.Properties.Settings" type="System.Configuration.ClientSettingsSection, System, ${f.sys}, Culture=neutral, PublicKeyToken=b77a5c561934e089" requirePermission="false" />
    </sectionGroup>
  </configSections>
  <appSettings>
${app}
  </appSettings>
  <connectionStrings />
  <system.web>
    ${f.compilation}
    <authentication mode="Forms">
      <forms name=".PFUPAUTH" loginUrl="~/Login.aspx" defaultUrl="~/Default.aspx" timeout="20" requireSSL="true" slidingExpiration="true" />
    </authentication>
    <customErrors mode="RemoteOnly" defaultRedirect="~/Error.aspx" />
    ${machineKey(o.seed)}
    <pages theme="${xml(o.theme ?? 'Default')}" enableViewStateMac="true" viewStateEncryptionMode="Always" />
    ${f.runtime}
    <sessionState mode="InProc" cookieless="false" timeout="20" />
    <httpCookies httpOnlyCookies="true" requireSSL="true" />
    <globalization culture="auto" uiCulture="auto" />
  </system.web>
  <system.webServer>
    <validation validateIntegratedModeConfiguration="false" />
    <defaultDocument>
      <files>
        <clear />
        <add value="Default.aspx" />
      </files>
    </defaultDocument>
    <httpProtocol>
      <customHeaders>
        <remove name="X-Powered-By" />
        <add name="X-Frame-Options" value="SAMEORIGIN" />
      </customHeaders>
    </httpProtocol>
  </system.webServer>
  <applicationSettings>
    <pfup.Properties.Settings>
      <setting name="pfup_pfwssdk_PfWsSdk" serializeAs="String">
        <value>${xml(o.sdkUrl)}</value>
      </setting>
    </pfup.Properties.Settings>
  </applicationSettings>
</configuration>
`);
}

/** The Mobile App Web Service's web.config. o: { net, sdkUrl, user, password, seed }. */
function mobileAppWebConfig(o) {
  const f = fx(o.net);
  return crlf(`<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <configSections>
    <sectionGroup name="applicationSettings" type="System.Configuration.ApplicationSettingsGroup, System, ${f.sys}, Culture=neutral, PublicKeyToken=b77a5c561934e089">
      <section name="pfpaws.Properties.Settings" type="System.Configuration.ClientSettingsSection, System, ${f.sys}, Culture=neutral, PublicKeyToken=b77a5c561934e089" requirePermission="false" />
    </sectionGroup>
  </configSections>
  <appSettings>
    <add key="LOGGING_ENABLED" value="true" />
    <add key="WEB_SERVICE_SDK_AUTHENTICATION_USERNAME" value="${xml(o.user)}" />
    <add key="WEB_SERVICE_SDK_AUTHENTICATION_PASSWORD" value="${xml(o.password)}" />
  </appSettings>
  <system.web>
    ${f.compilation}
    <authentication mode="None" />
    <customErrors mode="RemoteOnly" />
    ${machineKey(`${o.seed}:mobile`)}
    ${f.runtime}
    <webServices>
      <protocols>
        <remove name="Documentation" />
      </protocols>
    </webServices>
  </system.web>
  <applicationSettings>
    <pfpaws.Properties.Settings>
      <setting name="pfpaws_pfwssdk_PfWsSdk" serializeAs="String">
        <value>${xml(o.sdkUrl)}</value>
      </setting>
    </pfpaws.Properties.Settings>
  </applicationSettings>
</configuration>
`);
}

/** The Web Service SDK's web.config (basic authentication against the host's accounts). */
function sdkWebConfig(o) {
  const f = fx(o.net);
  return crlf(`<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <appSettings>
    <add key="LOGGING_ENABLED" value="true" />
  </appSettings>
  <system.web>
    ${f.compilation}
    <authentication mode="Windows" />
    <customErrors mode="RemoteOnly" />
    ${f.runtime}
    <webServices>
      <protocols>
        <remove name="HttpGet" />
        <remove name="HttpPost" />
      </protocols>
    </webServices>
  </system.web>
  <system.webServer>
    <validation validateIntegratedModeConfiguration="false" />
  </system.webServer>
</configuration>
`);
}

/** MultiFactorAuthenticationAdfsAdapter.config. o: { useSdk, url, thumbprint, user, password, extra: [[el, value]] }. */
function adapterConfig(o) {
  const el = [
    ['UseWebServiceSdk', o.useSdk ? 'true' : 'false'],
    ['WebServiceSdkUrl', o.url ?? ''],
    ['WebServiceSdkCertificateThumbprint', o.thumbprint ?? ''],
    ['WebServiceSdkUsername', o.user ?? ''],
    ['WebServiceSdkPassword', o.password ?? ''],
    ...(o.extra ?? []),
  ].map(([k, v]) => `  <${k}>${xml(v)}</${k}>`).join('\n');
  return crlf(`<?xml version="1.0" encoding="utf-8"?>
<ConfigurationData>
${el}
</ConfigurationData>
`);
}

const registerScript = (comment = '') => crlf(`# Registers the Multi-Factor Authentication AD FS adapter with AD FS.
# Run on one AD FS server of the farm, as a member of the AD FS administrators.
${comment}$typeName = "pfadfs.AuthenticationAdapter, MultiFactorAuthenticationAdfsAdapter, Version=1.0.0.0, Culture=neutral, PublicKeyToken=f300afd708a3a5c6, processorArchitecture=MSIL"
Register-AdfsAuthenticationProvider -TypeName $typeName -Name "AzureMfaServerAuthentication" -Verbose
`);
const registerScriptWithConfig = (configPath) => crlf(`# Registers the Multi-Factor Authentication AD FS adapter with AD FS.
$typeName = "pfadfs.AuthenticationAdapter, MultiFactorAuthenticationAdfsAdapter, Version=1.0.0.0, Culture=neutral, PublicKeyToken=f300afd708a3a5c6, processorArchitecture=MSIL"
Register-AdfsAuthenticationProvider -TypeName $typeName -Name "AzureMfaServerAuthentication" -ConfigurationFilePath "${configPath}" -Verbose
`);
const unregisterScript = (name) => crlf(`# Unregisters the Multi-Factor Authentication AD FS adapter.
Unregister-AdfsAuthenticationProvider -Name "${name}" -Confirm:$false -Verbose
`);

const defaultAspx = (ns) => crlf(`<%@ Page Language="C#" AutoEventWireup="true" CodeBehind="Default.aspx.cs" Inherits="${ns}.Default" %>
<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head runat="server">
    <title>Multi-Factor Authentication User Portal</title>
</head>
<body>
    <form id="form1" runat="server">
        <div id="header"><asp:Image ID="imgLogo" runat="server" SkinID="Logo" /></div>
        <div id="content"><asp:ContentPlaceHolder ID="MainContent" runat="server" /></div>
    </form>
</body>
</html>
`);
const asmx = (cls) => `<%@ WebService Language="C#" CodeBehind="${cls.split('.').pop()}.asmx.cs" Class="${cls}" %>\r\n`;

/** A theme's skin file; the theme name is in it so that no two themes share a file's content. */
const skin = (name) => crlf(`<%-- ${name} theme --%>\n<asp:Image runat="server" SkinID="Logo" ImageUrl="Images/logo.png" />\n`);
const themeCss = (name, accent, edited = '') => crlf(`/* ${name} theme for the User Portal */
body { font-family: Segoe UI, Tahoma, Arial, sans-serif; font-size: 13px; color: #333; margin: 0; }
#header { background: ${accent} url(Images/header_bg.png) repeat-x; height: 64px; }
#content { padding: 16px 24px; }
.button { background: ${accent}; color: #fff; border: 0; padding: 6px 14px; }
${edited}`);

// ---------------------------------------------------------------------------------------------------------------
// A host being built: files keyed by bundle-relative path, each with a last-write time
// ---------------------------------------------------------------------------------------------------------------

class Host {
  /**
   * @param name    folder name under fixtures/hosts/
   * @param about   one line for fixtures/README.md
   * @param opts    { time: default last-write time, plainC: the folder is drive C: itself (no fs/, no registry/) }
   */
  constructor(name, about, opts) {
    this.name = name;
    this.about = about;
    this.time = opts.time;
    this.plainC = opts.plainC ?? false;
    this.files = new Map();
    this.expected = null;
  }

  /** Bundle-relative path of a Windows path, in the case given (the case on disk is the case written here). */
  rel(winPath) {
    const m = /^([A-Za-z]):\\(.*)$/.exec(winPath);
    if (!m) throw new Error(`not a Windows path: ${winPath}`);
    const rest = m[2].split('\\').filter(Boolean).join('/');
    if (this.plainC) {
      if (m[1].toUpperCase() !== 'C') throw new Error('a plain folder is drive C: only');
      return rest;
    }
    return `fs/${m[1].toUpperCase()}/${rest}`;
  }

  /** A file on one of the host's drives. */
  file(winPath, data, time = this.time) {
    return this.put(this.rel(winPath), data, time);
  }

  /** Any file of the bundle (registry/x.reg, bundle.json, manifest.json). */
  put(rel, data, time = this.time) {
    if (this.files.has(rel)) throw new Error(`${this.name}: ${rel} written twice`);
    this.files.set(rel, { data: Buffer.isBuffer(data) ? data : Buffer.from(data, 'utf8'), time });
    return this;
  }

  reg(fileName, keys) {
    return this.put(`registry/${fileName}`, regFile(keys));
  }

  json(rel, obj) {
    return this.put(rel, `${JSON.stringify(obj, null, 2)}\n`);
  }

  /** Content of a file already added (to plant an identical backup). */
  content(winPath) {
    return this.files.get(this.rel(winPath)).data;
  }

  expect(e) {
    // Fixed key order so the JSON reads the same every run.
    this.expected = {
      upgradePath: e.upgradePath,
      hostRole: e.hostRole,
      verdict: e.verdict,
      exitCode: e.exitCode,
      fire: [...e.fire].sort(),
      notFire: [...e.notFire].sort(),
      planOrder: e.planOrder ?? [],
      planSteps: e.planSteps ?? [],
      flags: e.flags ?? [],
      // Extensions (beyond the brief's format; a test may ignore them):
      // severity: rule id -> severity the spec clearly gives that rule's finding(s) on this host.
      severity: e.severity ?? {},
      // notPlanSteps: step ids the spec clearly rules out on this host.
      notPlanSteps: e.notPlanSteps ?? [],
    };
    const both = this.expected.fire.filter((r) => this.expected.notFire.includes(r));
    if (both.length) throw new Error(`${this.name}: ${both} both fire and not fire`);
    return this;
  }

  write() {
    const dir = path.join(HOSTS_DIR, this.name);
    const times = {};
    for (const [rel, f] of [...this.files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      const abs = path.join(dir, ...rel.split('/'));
      fs.mkdirSync(path.dirname(abs), { recursive: true });
      fs.writeFileSync(abs, f.data);
      const t = new Date(f.time);
      if (Number.isNaN(t.getTime())) throw new Error(`${this.name}: bad time ${f.time} for ${rel}`);
      fs.utimesSync(abs, t, t);
      times[rel] = t.toISOString();
    }
    fs.writeFileSync(path.join(HOSTS_DIR, `${this.name}.times.json`), `${JSON.stringify(times, null, 2)}\n`);
    if (!this.expected) throw new Error(`${this.name}: no expected.json`);
    fs.writeFileSync(path.join(HOSTS_DIR, `${this.name}.expected.json`), `${JSON.stringify(this.expected, null, 2)}\n`);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Parts of a host that several hosts share
// ---------------------------------------------------------------------------------------------------------------

/** The standard registry files of a 64-bit server. */
function standardRegistry(h, o) {
  h.reg('uninstall.reg', exportTree(UNINST, [...windowsUninstallDefaults(false), ...o.uninstall]));
  h.reg('uninstall-wow64.reg', exportTree(UNINST32, [...windowsUninstallDefaults(true), ...o.uninstall32]));
  if (o.installPath) h.reg('phonefactor.reg', phoneFactorKeys(o.installPath));
  h.reg('netfx.reg', netfxKeys(o.netRelease, o.netVersion));
  h.reg('vcredist.reg', vcredistKeys(o.vc ?? []));
  h.reg('windows.reg', windowsKeys(o.os));
  h.reg('computername.reg', computerNameKeys(o.hostname));
}

/** bundle.json (only the fields given). */
function bundleJson(h, o) {
  const b = { hostname: o.hostname, collectedAt: o.collectedAt, os: { caption: o.os.caption, version: o.os.version, architecture: 'x64' } };
  if (o.roles) b.roles = o.roles;
  if (o.backupDirs) b.backupDirs = o.backupDirs;
  if (o.otherHosts) b.otherHosts = o.otherHosts;
  h.json('bundle.json', b);
}

/** The MFA Server (6.x and newer) install folder; the data file is written by the caller. */
function serverFolder(h, dir, version, t, o = {}) {
  h.file(`${dir}\\MultiFactorAuthUI.exe`, exe(`MultiFactorAuthUI ${version}`, 4096), t);
  h.file(`${dir}\\MultiFactorAuthSvc.exe`, exe(`MultiFactorAuthSvc ${version}`, 4096), t);
  h.file(`${dir}\\MultiFactorAuthSvc.exe.config`, crlf(`<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <startup useLegacyV2RuntimeActivationPolicy="true">
    <supportedRuntime version="${version.startsWith('6') ? 'v2.0.50727' : 'v4.0'}" />
  </startup>
</configuration>
`), t);
  const installers = ['UserPortal', 'MobileAppWebService', 'AdfsAdapter'].filter((i) => !(o.without ?? []).includes(i));
  for (const i of installers) {
    for (const bits of ['32', '64']) h.file(`${dir}\\MultiFactorAuthentication${i}Setup${bits}.msi`, msi(`MultiFactorAuthentication${i}Setup${bits}`, version), t);
  }
  h.file(`${dir}\\Register-MultiFactorAuthenticationAdfsAdapter.ps1`, registerScript(), t);
  h.file(`${dir}\\Unregister-MultiFactorAuthenticationAdfsAdapter.ps1`, unregisterScript(version.startsWith('6') ? 'WindowsAzureMultiFactorAuthentication' : 'AzureMfaServerAuthentication'), t);
  h.file(`${dir}\\MultiFactorAuthenticationAdfsAdapter.config`, o.adapterConfig ?? adapterConfig({ useSdk: false }), t);
  h.file(`${dir}\\Logs\\MultiFactorAuthSvc.log`, crlf(`${t.slice(0, 10)} ${t.slice(11, 19)} INFO  Multi-Factor Authentication Server service ${version} started\n`), o.logTime ?? h.time);
}

/**
 * A User Portal folder: web.config, Default.aspx, bin, App_Themes\Default and any custom themes.
 * o: { dir, ns, installTime, webConfig, webConfigTime, defaultEdited: time of an edited Default.css, custom: [{name, time}] }
 */
function portalFolder(h, o) {
  const t = o.installTime;
  h.file(`${o.dir}\\web.config`, o.webConfig, o.webConfigTime ?? t);
  h.file(`${o.dir}\\Default.aspx`, defaultAspx(o.ns ?? 'pfup'), t);
  h.file(`${o.dir}\\Login.aspx`, defaultAspx(o.ns ?? 'pfup').replace('Default', 'Login').replace('Default', 'Login'), t);
  h.file(`${o.dir}\\bin\\pfup.dll`, exe(`pfup ${h.name}`, 3072), t);
  const css = themeCss('Default', '#0072c6');
  h.file(`${o.dir}\\App_Themes\\Default\\Default.css`,
    o.defaultEdited ? css + crlf('\n/* changed for Contoso branding, do not overwrite */\n#header { background-color: #7a1f1f; }\n') : css,
    o.defaultEdited ?? t);
  h.file(`${o.dir}\\App_Themes\\Default\\Default.skin`, skin('Default'), t);
  h.file(`${o.dir}\\App_Themes\\Default\\Images\\logo.png`, png(`${h.name}:default:logo`), t);
  h.file(`${o.dir}\\App_Themes\\Default\\Images\\header_bg.png`, png(`${h.name}:default:bg`, 1, 64), t);
  for (const c of o.custom ?? []) {
    h.file(`${o.dir}\\App_Themes\\${c.name}\\${c.cssName ?? 'Theme'}.css`, themeCss(c.name, '#5c2d91'), c.time);
    h.file(`${o.dir}\\App_Themes\\${c.name}\\Theme.skin`, skin(c.name), c.time);
    h.file(`${o.dir}\\App_Themes\\${c.name}\\Images\\logo.png`, png(`${h.name}:${c.name}:logo`), c.time);
  }
}

function sdkFolder(h, dir, net, t) {
  h.file(`${dir}\\PfWsSdk.asmx`, asmx('pfwssdk.PfWsSdk'), t);
  h.file(`${dir}\\web.config`, sdkWebConfig({ net }), t);
  h.file(`${dir}\\bin\\pfwssdk.dll`, exe(`pfwssdk ${h.name}`, 3072), t);
}

function mobileAppFolder(h, dir, webConfig, t, webConfigTime = t) {
  h.file(`${dir}\\PfPaWs.asmx`, asmx('pfpaws.PfPaWs'), t);
  h.file(`${dir}\\web.config`, webConfig, webConfigTime);
  h.file(`${dir}\\bin\\pfpaws.dll`, exe(`pfpaws ${h.name}`, 3072), t);
}

/** IIS: applicationHost.config (+ redirection.config) and the default site's own files. */
function iis(h, opts, t, shared = null) {
  h.file('C:\\Windows\\System32\\inetsrv\\config\\applicationHost.config', opts.text ?? appHost({ seed: h.name, ...opts }), opts.time ?? h.time);
  h.file('C:\\Windows\\System32\\inetsrv\\config\\redirection.config', redirectionConfig(shared), t);
  h.file(`${opts.inetpub ?? 'C:\\inetpub'}\\wwwroot\\iisstart.htm`, crlf('<!DOCTYPE html>\n<html><head><title>IIS Windows Server</title></head><body><img src="iisstart.png" alt="IIS" /></body></html>\n'), t);
  h.file(`${opts.inetpub ?? 'C:\\inetpub'}\\wwwroot\\iisstart.png`, png(`${h.name}:iisstart`), t);
}

/** Pools and apps of the Default Web Site for the MFA web parts present. parts: [{path, pool, runtime, dir}] */
function defaultSite(parts, bindings = [['http', '*:80:'], ['https', '*:443:']]) {
  const pools = [{ name: 'DefaultAppPool' }, { name: '.NET v4.5', runtime: 'v4.0' }, { name: '.NET v2.0', runtime: 'v2.0' }];
  for (const p of parts) if (!pools.some((x) => x.name === p.pool)) pools.push({ name: p.pool, runtime: p.runtime });
  return {
    pools,
    sites: [{
      name: 'Default Web Site', id: 1, bindings,
      apps: [{ path: '/', physicalPath: '%SystemDrive%\\inetpub\\wwwroot' }, ...parts.map((p) => ({ path: p.path, pool: p.pool, physicalPath: p.physicalPath ?? `%SystemDrive%\\inetpub\\wwwroot${p.path.replace(/\//g, '\\')}` }))],
    }],
    locations: parts.map((p) => ({ path: `Default Web Site${p.path}`, ssl: true, basic: p.basic })),
  };
}

/** Uninstall entries of MFA components. */
const mfa = (name, version, date, location, extra = {}) =>
  uninstallEntry({ name, version, date, location, publisher: 'Microsoft Corporation', source: extra.source ?? location, sizeKb: extra.sizeKb ?? 52000, ...extra });
const pf = (name, version, date, location, extra = {}) =>
  uninstallEntry({ name, version, date, location, publisher: 'PhoneFactor', source: 'C:\\Program Files\\PhoneFactor\\', sizeKb: extra.sizeKb ?? 24000, ...extra });

/** Every finding that a found component always gets (rules.md: inventory, lifecycle). */
const FOUND = ['MFA-INV-001', 'MFA-LIFE-001'];

// ---------------------------------------------------------------------------------------------------------------
// The hosts
// ---------------------------------------------------------------------------------------------------------------

const PFDIR = 'C:\\Program Files\\PhoneFactor';
const MFADIR = 'C:\\Program Files\\Multi-Factor Authentication Server';
const SERVER_LOC = `${MFADIR}\\`;

/** 1. The demo host: PhoneFactor Agent 5.x with every web part on one server. */
function pfAgentAllInOne() {
  const h = new Host('pf-agent-5x-all-in-one',
    'DEMO. PhoneFactor Agent 5.2 + User Portal (/PhoneFactor, custom theme Contoso, Default theme edited, stale web.config.bak) + Mobile App Web Service + Web Service SDK on one standalone server; data file with no backup; .NET 4.5.2; no VC++ 2015; mixed-case folders on disk.',
    { time: '2026-11-20T21:04:00Z' });
  const hostname = 'PF01', os = OS['2012r2'], install = '2015-03-12T14:21:40Z', date = '20150312';
  bundleJson(h, { hostname, collectedAt: '2026-11-20T21:04:00Z', os, roles: { replication: 'standalone', replicationGroup: 'Default', loadBalanced: false } });
  const www = 'C:\\inetpub\\wwwroot';
  standardRegistry(h, {
    hostname, os, installPath: `${PFDIR}\\`, netRelease: 379893, netVersion: '4.5.51209',
    uninstall: [
      ...noise(['vmtools', 'npp', 'sevenzip', 'laps', 'sqlncli', 'vc2010x64', 'vc2012x64min', 'mma', 'urlrewrite'], '20150310'),
      pf('PhoneFactor User Portal', '5.2.1.2', date, `${www}\\PhoneFactor\\`),
      pf('PhoneFactor Mobile App Web Service', '5.2.1.2', date, `${www}\\PhoneFactorPhoneAppWebService\\`),
      pf('PhoneFactor Web Service SDK', '5.2.1.2', date, `${www}\\PhoneFactorWebServiceSdk\\`),
    ],
    uninstall32: [
      ...noise(['vc2008x86', 'vc2010x86', 'chrome', 'netfx452'], '20150310'),
      kbEntry('3074230', 'Microsoft .NET Framework 4.5.2', '20151021'),
      kbEntry('4054995', 'Microsoft .NET Framework 4.5.2', '20180118'),
      // The agent is a 32-bit product: its entry is in the WOW6432Node view.
      pf('PhoneFactor Agent', '5.2.1.2', date, `${PFDIR}\\`, { wow64: true, sizeKb: 61000, source: 'C:\\Users\\admin\\Downloads\\PhoneFactor Agent 5.2\\' }),
    ],
  });
  // Install folder, with the case it happens to have on the copy (resolution must be case-insensitive).
  const disk = 'C:\\program files\\phonefactor';
  h.file(`${disk}\\PhoneFactor.exe`, exe('PhoneFactor 5.2.1.2', 4096), install);
  h.file(`${disk}\\pfsvc.exe`, exe('pfsvc 5.2.1.2', 4096), install);
  h.file(`${disk}\\DATA\\phonefactor.PFDATA`, pfdata('pf01'), '2026-11-20T20:55:12Z');
  h.file(`${disk}\\Logs\\pfsvc.log`, crlf('2026-11-20 20:55:12 INFO  PhoneFactor service 5.2.1.2: data file saved\n'), '2026-11-20T20:55:12Z');

  const portal = { net: '2.0', useSdk: true, seed: 'pf01', user: 'CONTOSO\\svc-pfsdk', password: 'Fixture-Secret-pf01-7d1f',
    sdkUrl: 'https://pf01.contoso.local/PhoneFactorWebServiceSdk/PfWsSdk.asmx', theme: 'Contoso' };
  portalFolder(h, {
    dir: `${www}\\PhoneFactor`, installTime: install,
    webConfig: portalWebConfig(portal), webConfigTime: '2019-10-02T08:41:00Z',
    defaultEdited: '2017-06-01T09:12:00Z',
    custom: [{ name: 'Contoso', time: '2017-05-30T16:02:00Z', cssName: 'Contoso' }],
  });
  // A backup from before the 2019 change: a candidate by name, not current (older, different content).
  h.file(`${www}\\PhoneFactor\\web.config.bak`, portalWebConfig({ ...portal, useSdk: false, user: 'CONTOSO\\pfsdk', password: 'Fixture-Secret-pf01-old-7d1f', theme: 'Default', sdkUrl: 'https://localhost/PhoneFactorWebServiceSdk/PfWsSdk.asmx' }), '2016-02-15T11:00:00Z');
  mobileAppFolder(h, `${www}\\PhoneFactorPhoneAppWebService`, mobileAppWebConfig({ net: '2.0', seed: 'pf01', user: 'CONTOSO\\svc-pfsdk', password: 'Fixture-Secret-pf01-mobile-7d1f', sdkUrl: 'https://localhost/PhoneFactorWebServiceSdk/PfWsSdk.asmx' }), install, '2015-03-12T15:10:00Z');
  sdkFolder(h, `${www}\\PhoneFactorWebServiceSdk`, '2.0', install);
  const site = defaultSite([
    { path: '/PhoneFactor', pool: 'PhoneFactorAppPool', runtime: 'v2.0' },
    { path: '/PhoneFactorPhoneAppWebService', pool: 'PhoneFactorPhoneAppWebServiceAppPool', runtime: 'v2.0' },
    { path: '/PhoneFactorWebServiceSdk', pool: 'PhoneFactorWebServiceSdkAppPool', runtime: 'v2.0', basic: true },
  ], [['http', '*:80:'], ['https', '*:443:'], ['https', '*:443:mfa.contoso.com']]);
  site.sites.push({ name: 'Intranet', id: 2, bindings: [['http', '*:8080:']], apps: [{ path: '/', pool: 'DefaultAppPool', physicalPath: 'D:\\Sites\\Intranet' }] });
  iis(h, { ...site, time: '2019-10-02T08:30:00Z' }, install);

  return h.expect({
    upgradePath: 'phonefactor-agent', hostRole: 'mfa-host', verdict: 'not-ready', exitCode: 1,
    fire: [...FOUND, 'MFA-BKP-001', 'MFA-BKP-010', 'MFA-BKP-011', 'MFA-BKP-012', 'MFA-BKP-013', 'MFA-PRQ-002', 'MFA-PRQ-003',
      'MFA-VDIR-001', 'MFA-VDIR-002', 'MFA-CMP-003'],
    notFire: ['MFA-INV-002', 'MFA-INV-003', 'MFA-INV-004', 'MFA-INV-005', 'MFA-INP-001', 'MFA-BKP-002', 'MFA-BKP-003', 'MFA-BKP-014',
      'MFA-PRQ-001', 'MFA-VDIR-003', 'MFA-VDIR-004', 'MFA-CFG-001', 'MFA-CFG-002', 'MFA-CFG-003', 'MFA-CMP-001', 'MFA-CMP-002',
      'MFA-HA-001', 'MFA-HA-002', 'MFA-ADFS-001', 'MFA-ADFS-002', 'MFA-ADFS-003', 'MFA-ADFS-004', 'MFA-ADFS-005'],
    severity: { 'MFA-BKP-001': 'critical', 'MFA-BKP-013': 'high', 'MFA-PRQ-002': 'low', 'MFA-PRQ-003': 'low', 'MFA-CMP-003': 'low', 'MFA-LIFE-001': 'high', 'MFA-INV-001': 'info' },
    planSteps: ['prepare:server', 'backup:data', 'backup:user-portal:web.config', 'backup:user-portal:themes', 'backup:user-portal:default-theme',
      'backup:mobile-app:web.config', 'uninstall:user-portal', 'uninstall:mobile-app', 'uninstall:web-service-sdk', 'uninstall:agent',
      'install:server', 'configure:server', 'verify:server', 'install:web-service-sdk', 'install:user-portal', 'configure:user-portal', 'notify:user-portal'],
    planOrder: [
      ['backup:data', 'uninstall:user-portal'], ['backup:user-portal:web.config', 'uninstall:user-portal'],
      ['backup:user-portal:themes', 'uninstall:user-portal'], ['backup:user-portal:default-theme', 'uninstall:user-portal'],
      ['backup:mobile-app:web.config', 'uninstall:user-portal'],
      ['uninstall:user-portal', 'uninstall:mobile-app'], ['uninstall:mobile-app', 'uninstall:web-service-sdk'],
      ['uninstall:web-service-sdk', 'uninstall:agent'], ['uninstall:agent', 'install:server'],
      ['prepare:server', 'install:server'], ['install:server', 'configure:server'], ['install:server', 'verify:server'],
      ['install:server', 'install:web-service-sdk'], ['install:web-service-sdk', 'install:user-portal'],
      ['install:user-portal', 'configure:user-portal'],
    ],
    // Host 8.1 >= 8.0: on the phonefactor-agent path the Mobile App Web Service is not reinstalled (MFA-CMP-003).
    notPlanSteps: ['install:mobile-app', 'configure:mobile-app', 'drain:host', 'restore:host', 'install:adfs-adapter'],
  });
}

/** 2. A separate User Portal web server (6.x portal, MFA Server elsewhere). */
function userPortalWebHost() {
  const h = new Host('user-portal-web-host',
    'User Portal 6.3 alone on web server WEB01 (/MultiFactorAuth), SDK URL naming MFA01; VC++ 2015 x64 present, x86 missing (critical on a web-host); web.config backed up with a current dated copy.',
    { time: '2026-11-20T21:20:00Z' });
  const hostname = 'WEB01', os = OS['2016'], install = '2017-04-05T10:31:12Z';
  bundleJson(h, { hostname, collectedAt: '2026-11-20T21:20:00Z', os });
  standardRegistry(h, {
    hostname, os, netRelease: 528049, netVersion: '4.8.03761',
    vc: [vcRuntime('x64', 0, 24215, 1)],
    uninstall: [
      ...noise(['vmtools', 'laps', 'sep', 'webdeploy', 'urlrewrite', 'vc2015x64min', 'vc2015x64add'], '20170403'),
      mfa('Multi-Factor Authentication User Portal', '6.3.0.1', '20170405', 'C:\\inetpub\\wwwroot\\MultiFactorAuth\\', { source: 'C:\\Install\\MFA\\' }),
    ],
    uninstall32: noise(['vc2008x86', 'vc2010x86', 'edge', 'vc2015x64bundle'], '20170403'),
  });
  const dir = 'C:\\inetpub\\wwwroot\\MultiFactorAuth';
  portalFolder(h, {
    dir, installTime: install, webConfigTime: '2017-04-05T10:40:00Z',
    webConfig: portalWebConfig({ net: '2.0', useSdk: true, seed: 'web01', user: 'CONTOSO\\svc-mfasdk', password: 'Fixture-Secret-web01-7d1f',
      sdkUrl: 'https://mfa01.contoso.local/MultiFactorAuthWebServiceSdk/PfWsSdk.asmx' }),
  });
  // A copy taken before the window: same content, same time (Explorer/robocopy keep the last-write time).
  h.file(`${dir}\\web.config.2026-11-18`, h.content(`${dir}\\web.config`), '2017-04-05T10:40:00Z');
  iis(h, defaultSite([{ path: '/MultiFactorAuth', pool: 'MultiFactorAuthAppPool', runtime: 'v2.0' }],
    [['http', '*:80:'], ['https', '*:443:'], ['https', '*:443:mfa.contoso.com']]), install);

  return h.expect({
    upgradePath: 'in-place', hostRole: 'web-host', verdict: 'not-ready', exitCode: 1,
    fire: [...FOUND, 'MFA-PRQ-003', 'MFA-CMP-001'],
    notFire: ['MFA-INV-002', 'MFA-INV-003', 'MFA-INV-004', 'MFA-INV-005', 'MFA-INP-001', 'MFA-BKP-001', 'MFA-BKP-002', 'MFA-BKP-003',
      'MFA-BKP-010', 'MFA-BKP-011', 'MFA-BKP-012', 'MFA-BKP-013', 'MFA-BKP-014', 'MFA-PRQ-001', 'MFA-PRQ-002',
      'MFA-VDIR-001', 'MFA-VDIR-002', 'MFA-VDIR-003', 'MFA-VDIR-004', 'MFA-CFG-001', 'MFA-CFG-002', 'MFA-CFG-003',
      'MFA-CMP-002', 'MFA-CMP-003', 'MFA-HA-001', 'MFA-HA-002', 'MFA-ADFS-003', 'MFA-ADFS-005'],
    severity: { 'MFA-PRQ-003': 'critical', 'MFA-CMP-001': 'medium' },
    planSteps: ['install:prerequisites:vcredist-x86', 'install:user-portal', 'configure:user-portal'],
    planOrder: [['install:prerequisites:vcredist-x86', 'install:user-portal'], ['install:user-portal', 'configure:user-portal']],
    notPlanSteps: ['install:server', 'uninstall:user-portal', 'uninstall:agent', 'drain:host', 'backup:data', 'install:prerequisites:vcredist-x64'],
  });
}

/** 3. MFA Server 6.3 that needs .NET 4.5 first; custom portal vdir; backups current on E:. */
function mfa6NeedsPrereqs() {
  const h = new Host('mfa-6x-needs-prereqs',
    'MFA Server 6.3 + SDK + User Portal under the custom /MFAPortal on Server 2008 R2 with .NET 4.0 only (no Release) and no VC++ 2015; data file and portal web.config backed up (identical copies) under E:\\Backups\\MFA (bundle.json backupDirs); no roles in bundle.json; INETPUB upper case on disk; SDK entry in the WOW6432Node view.',
    { time: '2026-11-20T22:15:00Z' });
  const hostname = 'MFA03', os = OS['2008r2'], install = '2016-01-18T15:40:00Z', date = '20160118';
  bundleJson(h, { hostname, collectedAt: '2026-11-20T22:15:00Z', os, backupDirs: ['E:\\Backups\\MFA'] });
  standardRegistry(h, {
    hostname, os, installPath: SERVER_LOC, netRelease: 'v4.0', netVersion: '4.0.30319',
    uninstall: [
      ...noise(['vmtools', 'sevenzip', 'laps', 'sqlncli', 'vc2010x64'], '20150920'),
      uninstallEntry({ name: 'Microsoft .NET Framework 4 Extended', version: '4.0.30319', date: '20150920', code: '{8E34682C-8118-31F1-BC4C-98CD9675E1C2}', sizeKb: 51000 }),
      uninstallEntry({ name: 'Microsoft .NET Framework 4 Client Profile', version: '4.0.30319', date: '20150920', code: '{3C3901C5-3455-3E0A-A214-0B093A5070A6}', sizeKb: 38000 }),
      mfa('Multi-Factor Authentication Server', '6.3.0.1', date, SERVER_LOC, { sizeKb: 98000, source: 'C:\\Install\\MFA 6.3\\' }),
      mfa('Multi-Factor Authentication User Portal', '6.3.0.1', date, 'C:\\inetpub\\wwwroot\\MFAPortal\\', { source: SERVER_LOC }),
    ],
    uninstall32: [
      ...noise(['vc2008x86', 'vc2010x86', 'chrome'], '20150920'),
      mfa('Multi-Factor Authentication Web Service SDK', '6.3.0.1', date, 'C:\\inetpub\\wwwroot\\MultiFactorAuthWebServiceSdk\\', { wow64: true, source: SERVER_LOC }),
    ],
  });
  serverFolder(h, MFADIR, '6.3.0.1', install);
  h.file(`${MFADIR}\\Data\\PhoneFactor.pfdata`, pfdata('mfa03'), '2026-11-18T22:10:00Z');
  const www = 'C:\\INETPUB\\wwwroot';
  portalFolder(h, {
    dir: `${www}\\MFAPortal`, installTime: install, webConfigTime: '2016-01-18T16:05:00Z',
    webConfig: portalWebConfig({ net: '2.0', useSdk: true, seed: 'mfa03', user: 'CONTOSO\\svc-mfasdk', password: 'Fixture-Secret-mfa03-7d1f',
      sdkUrl: 'https://localhost/MultiFactorAuthWebServiceSdk/PfWsSdk.asmx' }),
  });
  sdkFolder(h, `${www}\\MultiFactorAuthWebServiceSdk`, '2.0', install);
  iis(h, { ...defaultSite([
    { path: '/MFAPortal', pool: 'MultiFactorAuthAppPool', runtime: 'v2.0' },
    { path: '/MultiFactorAuthWebServiceSdk', pool: 'MultiFactorAuthWebServiceSdkAppPool', runtime: 'v2.0', basic: true },
  ]), inetpub: 'C:\\INETPUB' }, install);
  // robocopy /COPY:DAT to the backup drive the day before the window: same bytes, same times.
  const bk = 'E:\\Backups\\MFA\\2026-11-19';
  h.file(`${bk}\\PhoneFactor.pfdata`, h.content(`${MFADIR}\\Data\\PhoneFactor.pfdata`), '2026-11-18T22:10:00Z');
  h.file(`${bk}\\MFAPortal\\web.config`, h.content(`${www}\\MFAPortal\\web.config`), '2016-01-18T16:05:00Z');
  h.file(`${bk}\\robocopy.log`, crlf('   ROBOCOPY     ::     Robust File Copy for Windows\n   Started : Thursday, 19 November 2026 07:02:11\n   Dest : E:\\Backups\\MFA\\2026-11-19\\\n'), '2026-11-19T07:02:30Z');

  return h.expect({
    upgradePath: 'in-place', hostRole: 'mfa-host', verdict: 'not-ready', exitCode: 1,
    fire: [...FOUND, 'MFA-PRQ-001', 'MFA-PRQ-002', 'MFA-PRQ-003', 'MFA-VDIR-004', 'MFA-HA-002'],
    notFire: ['MFA-INV-002', 'MFA-INV-003', 'MFA-INV-004', 'MFA-INV-005', 'MFA-INP-001', 'MFA-BKP-001', 'MFA-BKP-002', 'MFA-BKP-003',
      'MFA-BKP-010', 'MFA-BKP-011', 'MFA-BKP-012', 'MFA-BKP-013', 'MFA-BKP-014', 'MFA-VDIR-001', 'MFA-VDIR-002', 'MFA-VDIR-003',
      'MFA-CFG-001', 'MFA-CFG-002', 'MFA-CFG-003', 'MFA-CMP-001', 'MFA-CMP-002', 'MFA-CMP-003', 'MFA-HA-001',
      'MFA-ADFS-003', 'MFA-ADFS-005'],
    severity: { 'MFA-PRQ-001': 'critical', 'MFA-PRQ-002': 'low', 'MFA-PRQ-003': 'low', 'MFA-VDIR-004': 'high', 'MFA-HA-002': 'medium' },
    planSteps: ['prepare:server', 'install:prerequisites:dotnet', 'install:server', 'install:web-service-sdk', 'install:user-portal', 'configure:user-portal'],
    planOrder: [['install:prerequisites:dotnet', 'install:server'], ['prepare:server', 'install:server'], ['install:server', 'install:web-service-sdk'],
      ['install:server', 'install:user-portal'], ['install:web-service-sdk', 'install:user-portal'], ['install:user-portal', 'configure:user-portal']],
    notPlanSteps: ['uninstall:agent', 'uninstall:user-portal', 'uninstall:web-service-sdk', 'install:mobile-app', 'notify:user-portal'],
  });
}

/** 4. MFA Server 7.3 on an AD FS server: primary of a load-balanced group. */
function mfa7OnAdfs() {
  const h = new Host('mfa-7x-on-adfs',
    'Azure MFA Server 7.3 with the AD FS adapter on AD FS server ADFS01 (MFA runs on the AD FS server, so the adfs-host steps do not apply); primary of load-balanced group HQ; data backed up as "PhoneFactor - Copy.pfdata" with a later time (current by time, different content); no IIS.',
    { time: '2026-11-20T21:30:00Z' });
  const hostname = 'ADFS01', os = OS['2016'], install = '2018-06-11T09:05:00Z', date = '20180611';
  bundleJson(h, { hostname, collectedAt: '2026-11-20T21:30:00Z', os,
    roles: { replication: 'primary', replicationGroup: 'HQ', loadBalanced: true, adfsFarm: 'sts.contoso.com' },
    otherHosts: [{ name: 'MFA02', components: ['server'] }, { name: 'WEB01', components: ['user-portal'] }] });
  standardRegistry(h, {
    hostname, os, installPath: SERVER_LOC, netRelease: 461814, netVersion: '4.7.03062',
    vc: [vcRuntime('x64', 0, 24215, 1), vcRuntime('x86', 0, 24215, 1)],
    uninstall: [
      ...noise(['vmtools', 'laps', 'sep', 'aadchadfs', 'vc2010x64', 'vc2015x64min', 'vc2015x64add'], '20180608'),
      mfa('Azure Multi-Factor Authentication Server', '7.3.0.3', date, SERVER_LOC, { sizeKb: 131000, source: 'C:\\Install\\MFA 7.3\\' }),
      mfa('Multi-Factor Authentication AD FS Adapter', '7.3.0.3', date, SERVER_LOC),
    ],
    uninstall32: noise(['vc2008x86', 'vc2010x86', 'vc2015x86min', 'vc2015x64bundle', 'vc2015x86bundle', 'edge'], '20180608'),
  });
  serverFolder(h, MFADIR, '7.3.0.3', install);
  h.file(`${MFADIR}\\MultiFactorAuthenticationAdfsAdapter.dll`, exe('MultiFactorAuthenticationAdfsAdapter 7.3.0.3', 3072), install);
  h.file(`${MFADIR}\\Data\\PhoneFactor.pfdata`, pfdata('adfs01'), '2026-11-20T18:30:00Z');
  h.file(`${MFADIR}\\Data\\PhoneFactor - Copy.pfdata`, pfdata('adfs01-copy'), '2026-11-20T19:45:00Z');

  return h.expect({
    upgradePath: 'in-place', hostRole: 'mfa-host', verdict: 'ready-with-warnings', exitCode: 0,
    fire: [...FOUND, 'MFA-HA-001', 'MFA-ADFS-003'],
    notFire: ['MFA-INV-002', 'MFA-INV-003', 'MFA-INV-004', 'MFA-INV-005', 'MFA-INP-001', 'MFA-BKP-001', 'MFA-BKP-002', 'MFA-BKP-003',
      'MFA-BKP-014', 'MFA-PRQ-001', 'MFA-PRQ-002', 'MFA-PRQ-003', 'MFA-VDIR-004', 'MFA-CFG-002', 'MFA-CFG-003',
      'MFA-CMP-001', 'MFA-CMP-002', 'MFA-CMP-003', 'MFA-HA-002', 'MFA-ADFS-001', 'MFA-ADFS-002', 'MFA-ADFS-004'],
    severity: { 'MFA-HA-001': 'high', 'MFA-ADFS-003': 'high' },
    planSteps: ['prepare:server', 'drain:host', 'install:server', 'restore:host'],
    planOrder: [['drain:host', 'install:server'], ['install:server', 'restore:host'], ['prepare:server', 'install:server']],
    notPlanSteps: ['backup:adfs-adapter:config', 'configure:adfs-adapter:register-script', 'configure:adfs-adapter:config', 'uninstall:agent'],
  });
}

/** 5. An AD FS server without MFA Server, at the adapter swap (--stage adfs). */
function adfsStageAdfs() {
  const h = new Host('adfs-server-stage-adfs',
    'AD FS server ADFS02 without MFA Server (adfs-host), scanned with --stage adfs: adapter 6.3 (old provider WindowsAzureMultiFactorAuthentication); new MSI, Register script (no -ConfigurationFilePath, only a comment naming it) and config copied in; the saved old config (.bak) differs (one element changed, one added); the Unregister script missing; VC++ x64 RTM only (PRQ rules are pre-stage).',
    { time: '2026-11-20T23:10:00Z' });
  const hostname = 'ADFS02', os = OS['2019'], date = '20160810';
  bundleJson(h, { hostname, collectedAt: '2026-11-20T23:10:00Z', os, roles: { adfsFarm: 'sts.contoso.com' } });
  standardRegistry(h, {
    hostname, os, netRelease: 528049, netVersion: '4.8.03761',
    vc: [vcRuntime('x64', 0, 23026, 0)],
    uninstall: [
      ...noise(['vmtools', 'laps', 'sep', 'aadchadfs', 'vc2010x64', 'vc2015x64rtm'], '20160808'),
      mfa('Multi-Factor Authentication AD FS Adapter', '6.3.0.1', date, SERVER_LOC, { source: 'C:\\Install\\MFA\\' }),
    ],
    uninstall32: noise(['vc2010x86', 'edge'], '20160808'),
  });
  const url = 'https://mfa01.contoso.local/MultiFactorAuthWebServiceSdk/PfWsSdk.asmx';
  const common = { useSdk: true, url, user: 'CONTOSO\\svc-mfasdk', password: 'Fixture-Secret-adfs02-7d1f' };
  h.file(`${MFADIR}\\MultiFactorAuthenticationAdfsAdapter.dll`, exe('MultiFactorAuthenticationAdfsAdapter 6.3.0.1', 3072), '2016-08-10T09:12:00Z');
  // Saved before the new files were copied over it: the config registered in AD FS in 2016.
  h.file(`${MFADIR}\\MultiFactorAuthenticationAdfsAdapter.config.bak`, adapterConfig({ ...common, thumbprint: 'A3F1C2B45D6E7F8091A2B3C4D5E6F708192A3B4C' }), '2016-08-11T10:05:00Z');
  // Copied from MFA01 (times kept from there): thumbprint changed, one element added.
  const copied = '2026-11-19T22:38:00Z';
  h.file(`${MFADIR}\\MultiFactorAuthenticationAdfsAdapter.config`, adapterConfig({ ...common, thumbprint: '', extra: [['WebServiceSdkTimeout', '30']] }), '2026-11-19T22:40:00Z');
  h.file(`${MFADIR}\\MultiFactorAuthenticationAdfsAdapterSetup64.msi`, msi('MultiFactorAuthenticationAdfsAdapterSetup64', '8.1.2.1'), copied);
  h.file(`${MFADIR}\\Register-MultiFactorAuthenticationAdfsAdapter.ps1`,
    registerScript('# TODO CHG0012345: add -ConfigurationFilePath to the Register-AdfsAuthenticationProvider line before running\n'), copied);

  return h.expect({
    upgradePath: 'in-place', hostRole: 'adfs-host', verdict: 'ready-with-warnings', exitCode: 0,
    fire: [...FOUND, 'MFA-ADFS-001', 'MFA-ADFS-002', 'MFA-ADFS-003', 'MFA-ADFS-004', 'MFA-ADFS-005'],
    notFire: ['MFA-INV-003', 'MFA-INV-004', 'MFA-INV-005', 'MFA-INP-001', 'MFA-BKP-001', 'MFA-BKP-002', 'MFA-BKP-003', 'MFA-BKP-010',
      'MFA-PRQ-001', 'MFA-PRQ-002', 'MFA-PRQ-003', 'MFA-VDIR-004', 'MFA-CFG-001', 'MFA-CFG-002', 'MFA-CMP-001', 'MFA-CMP-002',
      'MFA-CMP-003', 'MFA-HA-001', 'MFA-HA-002'],
    severity: { 'MFA-ADFS-001': 'high', 'MFA-ADFS-002': 'medium', 'MFA-ADFS-003': 'high', 'MFA-ADFS-004': 'medium', 'MFA-ADFS-005': 'info' },
    planSteps: ['backup:adfs-adapter:config', 'configure:adfs-adapter:register-script', 'configure:adfs-adapter:config', 'install:adfs-adapter',
      'uninstall:adfs-adapter:provider', 'install:adfs-adapter:provider', 'verify:adfs-adapter'],
    planOrder: [
      ['backup:adfs-adapter:config', 'install:adfs-adapter'], ['backup:adfs-adapter:config', 'uninstall:adfs-adapter:provider'],
      ['configure:adfs-adapter:register-script', 'install:adfs-adapter:provider'], ['configure:adfs-adapter:config', 'install:adfs-adapter:provider'],
      ['install:adfs-adapter', 'uninstall:adfs-adapter:provider'], ['uninstall:adfs-adapter:provider', 'install:adfs-adapter:provider'],
      ['install:adfs-adapter:provider', 'verify:adfs-adapter'],
    ],
    flags: ['--stage', 'adfs'],
    notPlanSteps: ['install:server', 'backup:data', 'drain:host'],
  });
}

/** 6. Everything at the target already. */
function ready8x() {
  const h = new Host('ready-8x',
    'Azure MFA Server 8.1.2.1 + SDK + User Portal, all at the target: up-to-date. Data file with no backup and no roles in bundle.json, on purpose: the pending-upgrade rules (BKP, HA, PRQ...) must stay silent. Lower-case install folder on disk.',
    { time: '2026-11-20T21:40:00Z' });
  const hostname = 'MFA21', os = OS['2022'], install = '2024-05-15T13:00:00Z', date = '20240515';
  bundleJson(h, { hostname, collectedAt: '2026-11-20T21:40:00Z', os });
  const www = 'C:\\inetpub\\wwwroot';
  standardRegistry(h, {
    hostname, os, installPath: SERVER_LOC, netRelease: 528449, netVersion: '4.8.04161',
    vc: [vcRuntime('x64', 32, 31332, 0), vcRuntime('x86', 32, 31332, 0)],
    uninstall: [
      ...noise(['vmtools', 'laps', 'webdeploy', 'vc2022x64min'], '20240514'),
      mfa('Azure Multi-Factor Authentication Server', '8.1.2.1', date, SERVER_LOC, { sizeKb: 160000, source: 'C:\\Install\\MFA 8.1.2.1\\' }),
      mfa('Multi-Factor Authentication User Portal', '8.1.2.1', date, `${www}\\MultiFactorAuth\\`),
      mfa('Multi-Factor Authentication Web Service SDK', '8.1.2.1', date, `${www}\\MultiFactorAuthWebServiceSdk\\`),
    ],
    uninstall32: noise(['vc2022x86min', 'edge'], '20240514'),
  });
  const disk = 'C:\\Program Files\\multi-factor authentication server';
  serverFolder(h, disk, '8.1.2.1', install);
  h.file(`${disk}\\data\\PhoneFactor.pfdata`, pfdata('mfa21'), '2026-11-20T21:31:00Z');
  portalFolder(h, {
    dir: `${www}\\MultiFactorAuth`, installTime: install, webConfigTime: '2024-05-15T13:20:00Z',
    webConfig: portalWebConfig({ net: '4.5', useSdk: true, seed: 'mfa21', user: 'CONTOSO\\svc-mfasdk', password: 'Fixture-Secret-mfa21-7d1f',
      sdkUrl: 'https://localhost/MultiFactorAuthWebServiceSdk/PfWsSdk.asmx' }),
  });
  sdkFolder(h, `${www}\\MultiFactorAuthWebServiceSdk`, '4.5', install);
  iis(h, defaultSite([
    { path: '/MultiFactorAuth', pool: 'MultiFactorAuthAppPool', runtime: 'v4.0' },
    { path: '/MultiFactorAuthWebServiceSdk', pool: 'MultiFactorAuthWebServiceSdkAppPool', runtime: 'v4.0', basic: true },
  ]), install);

  return h.expect({
    upgradePath: 'none', hostRole: 'mfa-host', verdict: 'up-to-date', exitCode: 0,
    fire: [...FOUND],
    notFire: ['MFA-INV-002', 'MFA-INV-003', 'MFA-INV-004', 'MFA-INV-005', 'MFA-INP-001', 'MFA-BKP-001', 'MFA-BKP-002', 'MFA-BKP-003',
      'MFA-BKP-010', 'MFA-BKP-011', 'MFA-BKP-012', 'MFA-PRQ-001', 'MFA-PRQ-002', 'MFA-PRQ-003', 'MFA-VDIR-004', 'MFA-CFG-001',
      'MFA-CFG-002', 'MFA-CFG-003', 'MFA-CMP-002', 'MFA-CMP-003', 'MFA-HA-001', 'MFA-HA-002', 'MFA-ADFS-003'],
    planSteps: [],
    notPlanSteps: ['backup:data', 'install:server', 'install:user-portal', 'install:web-service-sdk', 'drain:host', 'install:prerequisites:dotnet'],
  });
}

/** 7. A subordinate of a load-balanced group, data file described in manifest.json. */
function haSubordinate() {
  const h = new Host('ha-subordinate',
    'Azure MFA Server 8.0.1.1 (below 8.1: compare part by part) subordinate in load-balanced group HQ; data file and a stale PhoneFactor.pfdata.bak only in manifest.json (not copied): BKP-002 at low severity; UserPortalSetup MSIs missing while bundle.json otherHosts has a portal server (CMP-002 needs a fleet or --stage adfs, so it stays silent).',
    { time: '2026-11-20T21:10:00Z' });
  const hostname = 'MFA02', os = OS['2016'], install = '2021-03-22T08:45:00Z', date = '20210322';
  bundleJson(h, { hostname, collectedAt: '2026-11-20T21:10:00Z', os,
    roles: { replication: 'subordinate', replicationGroup: 'HQ', loadBalanced: true },
    otherHosts: [{ name: 'ADFS01', components: ['server', 'adfs-adapter'] }, { name: 'WEB01', components: ['user-portal'] }] });
  standardRegistry(h, {
    hostname, os, installPath: SERVER_LOC, netRelease: 528049, netVersion: '4.8.03761',
    vc: [vcRuntime('x64', 0, 24215, 1), vcRuntime('x86', 0, 24215, 1)],
    uninstall: [
      ...noise(['vmtools', 'laps', 'sep', 'vc2010x64', 'vc2015x64min', 'vc2015x64add'], '20210319'),
      mfa('Azure Multi-Factor Authentication Server', '8.0.1.1', date, SERVER_LOC, { sizeKb: 152000, source: 'C:\\Install\\MFA 8.0.1.1\\' }),
    ],
    uninstall32: noise(['vc2010x86', 'vc2015x86min', 'vc2015x64bundle', 'vc2015x86bundle'], '20210319'),
  });
  serverFolder(h, MFADIR, '8.0.1.1', install, { without: ['UserPortal'] });
  h.json('manifest.json', { files: [
    { path: `${MFADIR}\\Data\\PhoneFactor.pfdata`, size: 73400320, mtime: '2026-11-20T20:58:40Z', sha256: sha('mfa02 pfdata 2026-11-20').toString('hex') },
    { path: `${MFADIR}\\Data\\PhoneFactor.pfdata.bak`, size: 69206016, mtime: '2026-03-02T07:15:00Z', sha256: sha('mfa02 pfdata 2026-03-02').toString('hex') },
  ] });

  return h.expect({
    upgradePath: 'in-place', hostRole: 'mfa-host', verdict: 'ready-with-warnings', exitCode: 0,
    fire: [...FOUND, 'MFA-BKP-002', 'MFA-HA-001'],
    notFire: ['MFA-INV-002', 'MFA-INV-003', 'MFA-INV-004', 'MFA-INV-005', 'MFA-INP-001', 'MFA-BKP-001', 'MFA-BKP-003', 'MFA-PRQ-001',
      'MFA-PRQ-002', 'MFA-PRQ-003', 'MFA-CMP-001', 'MFA-CMP-002', 'MFA-CMP-003', 'MFA-HA-002', 'MFA-ADFS-003', 'MFA-CFG-003'],
    severity: { 'MFA-BKP-002': 'low', 'MFA-HA-001': 'high' },
    planSteps: ['prepare:server', 'backup:data', 'drain:host', 'install:server', 'restore:host'],
    planOrder: [['backup:data', 'drain:host'], ['drain:host', 'install:server'], ['install:server', 'restore:host'], ['prepare:server', 'install:server']],
    notPlanSteps: ['uninstall:agent', 'install:user-portal', 'install:mobile-app'],
  });
}

/** 8. A server with none of it. */
function nothingInstalled() {
  const h = new Host('nothing-installed',
    'Application server APP01 with full Uninstall exports (both views, other software only, including near misses: "NPS Extension For Azure MFA", "Microsoft Monitoring Agent", "SQL Server ... Native Client", "SchedulingAgent"): nothing-to-upgrade.',
    { time: '2026-11-20T20:45:00Z' });
  const hostname = 'APP01', os = OS['2019'];
  bundleJson(h, { hostname, collectedAt: '2026-11-20T20:45:00Z', os, roles: { replication: 'standalone' } });
  standardRegistry(h, {
    hostname, os, netRelease: 461814, netVersion: '4.7.03062',
    vc: [vcRuntime('x64', 0, 24215, 1), vcRuntime('x86', 0, 24215, 1)],
    uninstall: noise(['vmtools', 'npp', 'sevenzip', 'laps', 'sep', 'sqlncli', 'omsa', 'mma', 'npsext', 'vc2010x64', 'vc2015x64min'], '20200212'),
    uninstall32: noise(['vc2008x86', 'vc2010x86', 'vc2015x86min', 'vc2015x64bundle', 'vc2015x86bundle', 'chrome', 'edge'], '20200212'),
  });
  h.file('C:\\Windows\\System32\\drivers\\etc\\hosts', crlf('# Copyright (c) 1993-2009 Microsoft Corp.\n#\n# localhost name resolution is handled within DNS itself.\n#\t127.0.0.1       localhost\n#\t::1             localhost\n'), '2018-09-15T07:28:00Z');

  return h.expect({
    upgradePath: 'none', hostRole: 'none', verdict: 'nothing-to-upgrade', exitCode: 0,
    fire: ['MFA-INV-003'],
    notFire: ['MFA-INV-001', 'MFA-INV-002', 'MFA-INV-004', 'MFA-INV-005', 'MFA-INP-001', 'MFA-LIFE-001', 'MFA-BKP-001', 'MFA-BKP-003',
      'MFA-PRQ-001', 'MFA-PRQ-002', 'MFA-PRQ-003', 'MFA-HA-001', 'MFA-HA-002', 'MFA-CMP-001', 'MFA-ADFS-003', 'MFA-ADFS-005'],
    planSteps: [],
    notPlanSteps: ['prepare:server', 'install:server', 'backup:data'],
  });
}

/** 9. A copied tree with no registry: the folder itself is C:. */
function filesOnly() {
  const h = new Host('files-only-no-registry',
    'A plain folder taken as C: (no fs/, no registry/, no bundle.json): Program Files\\PhoneFactor (agent files, data file) and inetpub\\wwwroot\\PhoneFactor: inventory from files only (MFA-INV-005), versions unknown (MFA-INV-004), registry facts unknown.',
    { time: '2026-11-20T19:30:00Z', plainC: true });
  const install = '2014-09-10T11:00:00Z';
  h.file(`${PFDIR}\\PhoneFactor.exe`, exe('PhoneFactor 5.0', 4096), install);
  h.file(`${PFDIR}\\pfsvc.exe`, exe('pfsvc 5.0', 4096), install);
  h.file(`${PFDIR}\\Data\\PhoneFactor.pfdata`, pfdata('files-only'), '2026-11-20T19:02:00Z');
  portalFolder(h, {
    dir: 'C:\\inetpub\\wwwroot\\PhoneFactor', installTime: install, webConfigTime: '2014-09-10T11:30:00Z',
    webConfig: portalWebConfig({ net: '2.0', useSdk: true, seed: 'pf02', user: 'CONTOSO\\svc-pfsdk', password: 'Fixture-Secret-pf02-7d1f',
      sdkUrl: 'https://pf02.contoso.local/PhoneFactorWebServiceSdk/PfWsSdk.asmx' }),
  });

  return h.expect({
    upgradePath: 'phonefactor-agent', hostRole: 'mfa-host', verdict: 'not-ready', exitCode: 1,
    fire: [...FOUND, 'MFA-INV-004', 'MFA-INV-005', 'MFA-PRQ-001', 'MFA-PRQ-002', 'MFA-PRQ-003', 'MFA-BKP-001', 'MFA-BKP-010',
      'MFA-VDIR-001', 'MFA-HA-002'],
    notFire: ['MFA-INV-003', 'MFA-BKP-002', 'MFA-BKP-003', 'MFA-BKP-011', 'MFA-BKP-012', 'MFA-BKP-013', 'MFA-CMP-001', 'MFA-CMP-003',
      'MFA-HA-001', 'MFA-ADFS-003'],
    severity: { 'MFA-INV-005': 'high', 'MFA-INV-004': 'medium', 'MFA-PRQ-001': 'critical', 'MFA-BKP-001': 'critical' },
    planSteps: ['uninstall:user-portal', 'uninstall:agent', 'install:server'],
    planOrder: [['uninstall:user-portal', 'uninstall:agent'], ['uninstall:agent', 'install:server']],
    notPlanSteps: ['uninstall:mobile-app', 'install:mobile-app'],
  });
}

/** 10. Broken evidence: the report still comes out and names every broken thing. */
function brokenInputs() {
  const h = new Host('broken-inputs',
    'MFA Server 7.3 + SDK + User Portal whose portal web.config is malformed XML (an unclosed element, a bare &), whose applicationHost.config is cut off inside <sites>, and whose uninstall.reg has a junk line and an invalid dword in another product\'s entry (MFA-CFG-002, MFA-INP-001; VDIR rules unknown).',
    { time: '2026-11-20T21:50:00Z' });
  const hostname = 'MFA04', os = OS['2016'], install = '2018-07-02T10:15:00Z', date = '20180702';
  bundleJson(h, { hostname, collectedAt: '2026-11-20T21:50:00Z', os, roles: { replication: 'standalone', loadBalanced: false } });
  const www = 'C:\\inetpub\\wwwroot';
  standardRegistry(h, {
    hostname, os, installPath: SERVER_LOC, netRelease: 528049, netVersion: '4.8.03761',
    vc: [vcRuntime('x64', 0, 24215, 1), vcRuntime('x86', 0, 24215, 1)],
    uninstall: [
      ...noise(['vmtools', 'laps', 'vc2010x64', 'vc2015x64min', 'vc2015x64add'], '20180629'),
      uninstallEntry({ ...NOISE.sep, date: '20180629', badLines: [
        rawLine('--- values below pasted from the old server by hand ---'),
        rawLine('"EstimatedSize"=dword:0006g4a0'),
      ] }),
      mfa('Azure Multi-Factor Authentication Server', '7.3.0.3', date, SERVER_LOC, { sizeKb: 131000 }),
      mfa('Multi-Factor Authentication User Portal', '7.3.0.3', date, `${www}\\MultiFactorAuth\\`),
      mfa('Multi-Factor Authentication Web Service SDK', '7.3.0.3', date, `${www}\\MultiFactorAuthWebServiceSdk\\`),
    ],
    uninstall32: noise(['vc2010x86', 'vc2015x86min', 'vc2015x64bundle', 'vc2015x86bundle'], '20180629'),
  });
  serverFolder(h, MFADIR, '7.3.0.3', install);
  h.file(`${MFADIR}\\Data\\PhoneFactor.pfdata`, pfdata('mfa04'), '2026-11-19T06:00:00Z');
  h.file(`${MFADIR}\\Data\\PhoneFactor.pfdata.bak`, pfdata('mfa04'), '2026-11-19T06:00:00Z');
  const good = portalWebConfig({ net: '4.5', useSdk: true, seed: 'mfa04', user: 'CONTOSO\\svc-mfasdk', password: 'Fixture-Secret-mfa04-7d1f',
    sdkUrl: 'https://localhost/MultiFactorAuthWebServiceSdk/PfWsSdk.asmx' });
  const broken = good.replace('  </appSettings>', '    <add key="SUPPORT_TEXT" value="Call IT & Security on x4400">\r\n  </appSettings>');
  if (broken === good) throw new Error('broken-inputs: web.config not broken');
  portalFolder(h, { dir: `${www}\\MultiFactorAuth`, installTime: install, webConfig: broken, webConfigTime: '2025-02-11T15:22:00Z' });
  sdkFolder(h, `${www}\\MultiFactorAuthWebServiceSdk`, '4.5', install);
  const full = appHost({ seed: h.name, ...defaultSite([
    { path: '/MultiFactorAuth', pool: 'MultiFactorAuthAppPool', runtime: 'v4.0' },
    { path: '/MultiFactorAuthWebServiceSdk', pool: 'MultiFactorAuthWebServiceSdkAppPool', runtime: 'v4.0', basic: true },
  ]) });
  // Cut off mid-attribute, as a copy interrupted by a full disk leaves it.
  const cut = full.indexOf('<application path="/MultiFactorAuthWebServiceSdk"') + 30;
  iis(h, { text: full.slice(0, cut), time: '2025-02-11T15:20:00Z' }, install);

  return h.expect({
    upgradePath: 'in-place', hostRole: 'mfa-host', verdict: 'ready-with-warnings', exitCode: 0,
    fire: [...FOUND, 'MFA-INP-001', 'MFA-CFG-002', 'MFA-VDIR-004'],
    notFire: ['MFA-INV-003', 'MFA-INV-004', 'MFA-INV-005', 'MFA-BKP-001', 'MFA-BKP-002', 'MFA-BKP-003', 'MFA-BKP-011', 'MFA-BKP-012',
      'MFA-PRQ-001', 'MFA-PRQ-002', 'MFA-PRQ-003', 'MFA-HA-001', 'MFA-HA-002', 'MFA-CMP-001', 'MFA-CMP-003', 'MFA-CFG-003',
      'MFA-VDIR-001', 'MFA-VDIR-002', 'MFA-VDIR-003'],
    severity: { 'MFA-CFG-002': 'high', 'MFA-INP-001': 'medium', 'MFA-VDIR-004': 'high' },
    planSteps: ['install:server', 'install:user-portal'],
    planOrder: [['install:server', 'install:user-portal']],
    notPlanSteps: ['uninstall:agent', 'drain:host'],
  });
}

/** 11. Values from the target that must be escaped in HTML and Markdown reports. */
function xssValues() {
  const theme = "Contoso & Co's [Theme](javascript:alert(4)) _v2_ #1 `tick` ~{x}";
  const h = new Host('xss-values',
    'User Portal 7.3 on web server WEB02 whose web.config holds <script>alert(1)</script> (an appSetting and the SDK URL, which names localhost with a vdir this host lacks: MFA-CFG-001) and Markdown/HTML specials, and a custom theme folder named with &, \', [ ], ( ), _, #, `: report escaping tests.',
    { time: '2026-11-20T21:55:00Z' });
  const hostname = 'WEB02', os = OS['2019'], install = '2018-07-02T14:00:00Z';
  bundleJson(h, { hostname, collectedAt: '2026-11-20T21:55:00Z', os });
  standardRegistry(h, {
    hostname, os, netRelease: 528049, netVersion: '4.8.03761',
    vc: [vcRuntime('x64', 0, 24215, 1), vcRuntime('x86', 0, 24215, 1)],
    uninstall: [
      ...noise(['vmtools', 'laps', 'webdeploy', 'vc2015x64min', 'vc2015x64add'], '20180630'),
      mfa('Multi-Factor Authentication User Portal', '7.3.0.3', '20180702', 'C:\\inetpub\\wwwroot\\MultiFactorAuth\\', { source: 'C:\\Install\\MFA\\' }),
    ],
    uninstall32: noise(['vc2015x86min', 'vc2015x64bundle', 'vc2015x86bundle', 'edge'], '20180630'),
  });
  portalFolder(h, {
    dir: 'C:\\inetpub\\wwwroot\\MultiFactorAuth', installTime: install, webConfigTime: '2023-03-14T10:00:00Z',
    webConfig: portalWebConfig({ net: '4.5', useSdk: true, seed: 'web02', user: 'CONTOSO\\svc-mfasdk', password: 'Fixture-Secret-web02-7d1f',
      sdkUrl: 'https://localhost/<script>alert(1)</script>/PfWsSdk.asmx', theme,
      extraAppSettings: [['PORTAL_TITLE', '<script>alert(1)</script>'], ['SUPPORT_TEXT', '**Call** [IT](javascript:alert(2)) | <img src=x onerror=alert(3)> & `x`']] }),
    custom: [{ name: theme, time: '2023-03-14T09:30:00Z' }],
  });
  iis(h, defaultSite([{ path: '/MultiFactorAuth', pool: 'MultiFactorAuthAppPool', runtime: 'v4.0' }]), install);

  return h.expect({
    upgradePath: 'in-place', hostRole: 'web-host', verdict: 'ready-with-warnings', exitCode: 0,
    fire: [...FOUND, 'MFA-CFG-001', 'MFA-BKP-010', 'MFA-BKP-011', 'MFA-CMP-001'],
    notFire: ['MFA-INV-003', 'MFA-INV-005', 'MFA-BKP-001', 'MFA-BKP-012', 'MFA-PRQ-001', 'MFA-PRQ-002', 'MFA-PRQ-003', 'MFA-VDIR-004',
      'MFA-CFG-002', 'MFA-CFG-003', 'MFA-HA-001', 'MFA-HA-002', 'MFA-CMP-003'],
    severity: { 'MFA-CFG-001': 'high', 'MFA-BKP-011': 'high', 'MFA-CMP-001': 'medium' },
    planSteps: ['install:user-portal', 'configure:user-portal'],
    planOrder: [['install:user-portal', 'configure:user-portal']],
    notPlanSteps: ['install:server', 'backup:data'],
  });
}

/** 12. IIS shared configuration: virtual directories unknown. */
function sharedIisConfig() {
  const h = new Host('mfa-7x-shared-iis-config',
    'Azure MFA Server 7.3 + SDK + User Portal, primary of group EU, with IIS shared configuration enabled (redirection.config -> \\\\fs01\\IISConfig$, encrypted password): MFA-CFG-003, virtual directories unknown; data backed up in E:\\Backups\\MFA, portal web.config as "Copy of web.config".',
    { time: '2026-11-20T22:30:00Z' });
  const hostname = 'MFA11', os = OS['2016'], install = '2018-09-03T11:30:00Z', date = '20180903';
  bundleJson(h, { hostname, collectedAt: '2026-11-20T22:30:00Z', os, backupDirs: ['E:\\Backups\\MFA'],
    roles: { replication: 'primary', replicationGroup: 'EU', loadBalanced: false } });
  const www = 'C:\\inetpub\\wwwroot';
  standardRegistry(h, {
    hostname, os, installPath: SERVER_LOC, netRelease: 461814, netVersion: '4.7.03062',
    vc: [vcRuntime('x64', 0, 24215, 1), vcRuntime('x86', 0, 24215, 1)],
    uninstall: [
      ...noise(['vmtools', 'laps', 'sep', 'webdeploy', 'vc2015x64min', 'vc2015x64add'], '20180831'),
      mfa('Azure Multi-Factor Authentication Server', '7.3.0.3', date, SERVER_LOC, { sizeKb: 131000 }),
      mfa('Multi-Factor Authentication User Portal', '7.3.0.3', date, `${www}\\MultiFactorAuth\\`),
      mfa('Multi-Factor Authentication Web Service SDK', '7.3.0.3', date, `${www}\\MultiFactorAuthWebServiceSdk\\`),
    ],
    uninstall32: noise(['vc2010x86', 'vc2015x86min', 'vc2015x64bundle', 'vc2015x86bundle'], '20180831'),
  });
  serverFolder(h, MFADIR, '7.3.0.3', install);
  h.file(`${MFADIR}\\Data\\PhoneFactor.pfdata`, pfdata('mfa11'), '2026-11-19T23:00:00Z');
  h.file('E:\\Backups\\MFA\\PhoneFactor.pfdata', pfdata('mfa11'), '2026-11-19T23:00:00Z');
  const dir = `${www}\\MultiFactorAuth`;
  portalFolder(h, {
    dir, installTime: install, webConfigTime: '2018-09-03T12:00:00Z',
    webConfig: portalWebConfig({ net: '4.5', useSdk: true, seed: 'mfa11', user: 'CONTOSO\\svc-mfasdk', password: 'Fixture-Secret-mfa11-7d1f',
      sdkUrl: 'https://mfa-sdk.contoso.local/MultiFactorAuthWebServiceSdk/PfWsSdk.asmx' }),
  });
  h.file(`${dir}\\Copy of web.config`, h.content(`${dir}\\web.config`), '2018-09-03T12:00:00Z');
  sdkFolder(h, `${www}\\MultiFactorAuthWebServiceSdk`, '4.5', install);
  // The local applicationHost.config is stale: IIS reads the shared one.
  iis(h, defaultSite([
    { path: '/MultiFactorAuth', pool: 'MultiFactorAuthAppPool', runtime: 'v4.0' },
    { path: '/MultiFactorAuthWebServiceSdk', pool: 'MultiFactorAuthWebServiceSdkAppPool', runtime: 'v4.0', basic: true },
  ]), install, { path: '\\\\fs01.contoso.local\\IISConfig$', userName: 'CONTOSO\\svc-iisconfig' });

  return h.expect({
    upgradePath: 'in-place', hostRole: 'mfa-host', verdict: 'ready-with-warnings', exitCode: 0,
    fire: [...FOUND, 'MFA-CFG-003', 'MFA-HA-001', 'MFA-VDIR-004'],
    notFire: ['MFA-INV-002', 'MFA-INV-003', 'MFA-INV-005', 'MFA-BKP-001', 'MFA-BKP-002', 'MFA-BKP-003', 'MFA-BKP-010', 'MFA-BKP-011',
      'MFA-BKP-012', 'MFA-PRQ-001', 'MFA-PRQ-002', 'MFA-PRQ-003', 'MFA-CFG-002', 'MFA-HA-002', 'MFA-CMP-001', 'MFA-CMP-003'],
    severity: { 'MFA-CFG-003': 'medium', 'MFA-HA-001': 'high' },
    planSteps: ['prepare:server', 'drain:host', 'install:server', 'restore:host', 'install:user-portal', 'configure:user-portal'],
    planOrder: [['drain:host', 'install:server'], ['install:server', 'restore:host'], ['install:server', 'install:user-portal'],
      ['install:user-portal', 'configure:user-portal']],
    notPlanSteps: ['uninstall:agent', 'uninstall:user-portal'],
  });
}

/** 13. The registry names an install folder that is gone. */
function installPathMissing() {
  const h = new Host('mfa-6x-install-path-missing',
    'MFA Server 6.3 whose registry InstallPath / InstallLocation is D:\\MFA\\, a folder that is not on the copied D: drive (MFA-INV-002) so the data file is missing too (MFA-BKP-003); .NET 3.5 only (no v4 key): MFA-PRQ-001.',
    { time: '2026-11-20T22:45:00Z' });
  const hostname = 'MFA05', os = OS['2008r2'];
  bundleJson(h, { hostname, collectedAt: '2026-11-20T22:45:00Z', os, roles: { replication: 'standalone', loadBalanced: false } });
  standardRegistry(h, {
    hostname, os, installPath: 'D:\\MFA\\', netRelease: null,
    uninstall: [
      ...noise(['vmtools', 'sevenzip', 'vc2010x64'], '20151102'),
      mfa('Multi-Factor Authentication Server', '6.3.0.1', '20151104', 'D:\\MFA\\', { sizeKb: 98000, source: 'C:\\Install\\MFA 6.3\\' }),
    ],
    uninstall32: noise(['vc2008x86', 'vc2010x86'], '20151102'),
  });
  h.file('C:\\Windows\\System32\\drivers\\etc\\hosts', crlf('# Copyright (c) 1993-2009 Microsoft Corp.\n#\n#\t127.0.0.1       localhost\n'), '2010-11-20T20:00:00Z');
  // The D: drive was copied; it holds other data, not D:\MFA.
  h.file('D:\\Shares\\Scans\\README.txt', crlf('Scanner drop folder. Files older than 30 days are deleted.\n'), '2019-05-06T08:00:00Z');
  h.file('D:\\Backups\\SQL\\master.bak', bytes('master.bak', 2048), '2026-11-20T02:00:00Z');

  return h.expect({
    upgradePath: 'in-place', hostRole: 'mfa-host', verdict: 'not-ready', exitCode: 1,
    fire: [...FOUND, 'MFA-INV-002', 'MFA-BKP-003', 'MFA-PRQ-001', 'MFA-PRQ-002', 'MFA-PRQ-003'],
    notFire: ['MFA-INV-003', 'MFA-INV-004', 'MFA-INV-005', 'MFA-HA-001', 'MFA-HA-002', 'MFA-CMP-001', 'MFA-CMP-003', 'MFA-ADFS-003'],
    severity: { 'MFA-INV-002': 'high', 'MFA-BKP-003': 'high', 'MFA-PRQ-001': 'critical' },
    planSteps: ['install:prerequisites:dotnet', 'install:server'],
    planOrder: [['install:prerequisites:dotnet', 'install:server']],
    notPlanSteps: ['uninstall:agent', 'drain:host'],
  });
}

const HOSTS = [pfAgentAllInOne, userPortalWebHost, mfa6NeedsPrereqs, mfa7OnAdfs, adfsStageAdfs, ready8x, haSubordinate,
  nothingInstalled, filesOnly, brokenInputs, xssValues, sharedIisConfig, installPathMissing];

// ---------------------------------------------------------------------------------------------------------------
// Not a host: a folder with no Windows evidence at all (scan exits 2)
// ---------------------------------------------------------------------------------------------------------------

function notAHost() {
  const dir = path.join(FIXTURES, 'not-a-host');
  const jpeg = (seed) => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01]), bytes(seed, 1500), Buffer.from([0xff, 0xd9])]);
  const files = {
    'README.txt': 'Photos from the team day, 2026-06-12. Ask Anna before sharing outside the team.\n',
    'photos/IMG_2041.jpg': jpeg('IMG_2041'),
    'photos/IMG_2042.jpg': jpeg('IMG_2042'),
  };
  const t = new Date('2026-06-12T18:00:00Z');
  for (const [rel, data] of Object.entries(files)) {
    const abs = path.join(dir, ...rel.split('/'));
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    fs.writeFileSync(abs, data);
    fs.utimesSync(abs, t, t);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// README and main
// ---------------------------------------------------------------------------------------------------------------

function readme(hosts) {
  const lines = hosts.map((h) => `| \`${h.name}\` | ${h.expected.flags.length ? `\`${h.expected.flags.join(' ')}\`` : ''} | ${h.expected.verdict} | ${h.about.replace(/\|/g, '\\|').replace(/</g, '&lt;')} |`);
  return `# fixtures/

**Generated: do not edit by hand.** \`scripts/make-fixtures.mjs\` is the source of truth for everything under
\`hosts/\` and \`not-a-host/\` (and for this file). Change the script, then run \`node scripts/make-fixtures.mjs\`:
it deletes and rewrites both folders, deterministically (same bytes every run).

## hosts/

Each \`hosts/<name>/\` is a bundle folder as \`../../shared/spec/bundle.md\` describes it (\`bundle.json\`,
\`fs/<drive>/...\`, \`registry/*.reg\` as \`reg export\` writes them: UTF-16LE with BOM, CRLF; \`manifest.json\`
where files were described instead of copied). \`files-only-no-registry\` is a plain folder taken as C:.

| host | flags | verdict | scenario and what it exercises |
|---|---|---|---|
${lines.join('\n')}

\`not-a-host/\`: a folder of photos and a README, no Windows evidence at all: \`scan\` must exit 2.

### Times

Git keeps no file times, and the backup rules (\`rules.md\` "Backups", MFA-BKP-012) depend on last-write times.
\`hosts/<name>.times.json\` maps every file's bundle-relative path (forward slashes, case as on disk) to its ISO
last-write time. Tests copy the host folder to a temp folder and apply the times with \`fs.utimes\` before
scanning; the generator also sets them on the files it writes.

### Expected results

\`hosts/<name>.expected.json\` is an independent reading of \`rules.md\`/\`report.md\` for that host, written
before (and without looking at) the implementation:

- \`upgradePath\`, \`hostRole\`, \`verdict\` (status), \`exitCode\` (with the default \`--fail-on critical\`);
- \`fire\` / \`notFire\`: rule ids that must / must not have a finding (an \`unknown\` outcome counts as a finding);
  a rule in neither list is one the spec leaves open for this host;
- \`planSteps\` (must exist), \`planOrder\` (pairs \`[a, b]\`: a before b), \`flags\` (extra scan flags);
- extensions: \`severity\` (rule id -> the severity the spec gives its finding on this host) and \`notPlanSteps\`
  (step ids the spec rules out on this host).
`;
}

function main() {
  fs.rmSync(HOSTS_DIR, { recursive: true, force: true });
  fs.rmSync(path.join(FIXTURES, 'not-a-host'), { recursive: true, force: true });
  fs.mkdirSync(HOSTS_DIR, { recursive: true });
  const hosts = HOSTS.map((make) => make());
  for (const h of hosts) h.write();
  notAHost();
  fs.writeFileSync(path.join(FIXTURES, 'README.md'), readme(hosts));
  // Keep every byte as generated: no end-of-line conversion of the CRLF Windows files or the UTF-16 exports.
  fs.writeFileSync(path.join(FIXTURES, '.gitattributes'), '# Fixtures are byte-exact copies of Windows files (CRLF, UTF-16LE): never convert them.\n* -text\n');
  console.log(`wrote ${hosts.length} hosts to ${path.relative(process.cwd(), HOSTS_DIR) || HOSTS_DIR}: ${hosts.map((h) => h.name).join(', ')}`);
}

main();
