// Writes a deterministic, realistic whole-hive SOFTWARE export the way `reg export` writes it
// (UTF-16LE with BOM, CRLF, regedit's hex wrapping), with an MFA Server install buried inside:
//   HKEY_LOCAL_MACHINE\SOFTWARE\WOW6432Node\Positive Networks\PhoneFactor (+ subkeys)
//   HKEY_LOCAL_MACHINE\SOFTWARE\WOW6432Node\Microsoft\Windows\CurrentVersion\Uninstall\{MFA_PRODUCT_CODE}
// Usage: node bench/gen-hive.mjs OUT.reg SIZE_MB [SEED]
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { pathToFileURL } from 'node:url';

export const MFA_KEY = 'HKEY_LOCAL_MACHINE\\SOFTWARE\\WOW6432Node\\Positive Networks\\PhoneFactor';
export const MFA_PRODUCT_CODE = '{2F4AE8E0-8B3C-4A2E-9C5D-7F3B1A0E6C21}';
export const MFA_UNINSTALL_KEY = `HKEY_LOCAL_MACHINE\\SOFTWARE\\WOW6432Node\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\${MFA_PRODUCT_CODE}`;

function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = [
  'Adobe',
  'Common',
  'Config',
  'Settings',
  'Shell',
  'Explorer',
  'Policies',
  'Setup',
  'Update',
  'Cache',
  'Network',
  'Security',
  'Providers',
  'Services',
  'Parameters',
  'Performance',
  'Options',
  'Features',
  'Internet',
  'Office',
  'Defender',
  'Print',
  'Fonts',
  'Media',
  'Player',
  'Audio',
  'Video',
  'Display',
  'Installer',
  'Components',
  'Products',
  'Features',
  'Drivers',
  'Telemetry',
  'Diagnostics',
  'Windows NT',
  'Active Setup',
  'Winlogon',
  'Schedule',
  'TaskCache',
  'Tree',
  'Plans',
  'Profiles',
  'Résumé',
  'Größe',
  'Paramètres',
  'Configuração',
  '設定',
];
const VALUE_NAMES = [
  'Version',
  'InstallPath',
  'Path',
  'Enabled',
  'Flags',
  'DisplayName',
  'Description',
  'Type',
  'Start',
  'ImagePath',
  'ObjectName',
  'Data',
  'Options',
  'Timeout',
  'LastUpdate',
  'Language',
  'Publisher',
  'Default',
];

/** Regedit's escaping and hex wrapping (77-column rule, "," + "\" + CRLF + two spaces). */
function valueLine(name, kind, payload) {
  const lead = name === '' ? '@=' : `"${name.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"=`;
  if (kind === 'sz') return `${lead}"${payload.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"\r\n`;
  if (kind === 'dword') return `${lead}dword:${(payload >>> 0).toString(16).padStart(8, '0')}\r\n`;
  const prefix = kind === 3 ? 'hex:' : `hex(${kind.toString(16)}):`;
  let out = lead + prefix;
  let lineLen = lead.length + prefix.length;
  const bytes = payload;
  let cur = '';
  for (let i = 0; i < bytes.length; i++) {
    cur += (bytes[i] < 16 ? '0' : '') + bytes[i].toString(16);
    if (i === bytes.length - 1) break;
    cur += ',';
    lineLen += 3;
    if (lineLen >= 77) {
      out += cur + '\\\r\n  ';
      cur = '';
      lineLen = 2;
    }
  }
  return out + cur + '\r\n';
}

const utf16z = (s) => Buffer.from(s + '\0', 'utf16le');
const multi = (list) => Buffer.from(list.map((s) => s + '\0').join('') + '\0', 'utf16le');

/**
 * Write a UTF-16LE export of about sizeMB megabytes to `path`. Same seed, same size: same bytes.
 * Returns the number of [KEY] sections written.
 */
export async function generateHive(path, sizeMB, seed = 1, shape = 'large-keys') {
  if (shape === 'small-keys') return generateSmallKeyHive(path, sizeMB, seed);
  const rnd = mulberry32(seed);
  const pick = (a) => a[Math.floor(rnd() * a.length)];
  const int = (n) => Math.floor(rnd() * n);
  const guid = () => {
    const h = (n) => Array.from({ length: n }, () => '0123456789ABCDEF'[int(16)]).join('');
    return `{${h(8)}-${h(4)}-${h(4)}-${h(4)}-${h(12)}}`;
  };
  const target = Math.max(1, sizeMB) * 1024 * 1024;
  const out = createWriteStream(path);
  let written = 0;
  let pending = [];
  let pendingChars = 0;
  let sections = 0;

  const flush = async () => {
    if (!pending.length) return;
    const buf = Buffer.from(pending.join(''), 'utf16le');
    pending = [];
    pendingChars = 0;
    written += buf.length;
    if (!out.write(buf)) await once(out, 'drain');
  };
  const emit = async (s) => {
    pending.push(s);
    pendingChars += s.length;
    if (pendingChars > 512 * 1024) await flush();
  };
  const size = () => written + pendingChars * 2;
  const key = async (p, values = []) => {
    sections++;
    await emit(`\r\n[${p}]\r\n${values.join('')}`);
  };

  const randomValue = () => {
    const name = int(12) === 0 ? '' : pick(VALUE_NAMES) + (int(3) === 0 ? String(int(100)) : '');
    switch (int(9)) {
      case 0:
      case 1:
      case 2:
        return valueLine(
          name,
          'sz',
          int(4) === 0 ? `C:\\Program Files\\${pick(WORDS)}\\${pick(WORDS)}.dll` : `${pick(WORDS)} "${pick(WORDS)}" ${int(1e6)}`,
        );
      case 3:
      case 4:
        return valueLine(name, 'dword', int(2) ? int(16) : Math.floor(rnd() * 4294967296));
      case 5:
        return valueLine(name, 2, utf16z(`%SystemRoot%\\System32\\${pick(WORDS)}.exe -k ${pick(WORDS)}`));
      case 6:
        return valueLine(name, 7, multi(Array.from({ length: 1 + int(5) }, () => pick(WORDS))));
      case 7: {
        // Mostly small blobs, now and then a big one (icons, certificates, policy blobs).
        const n = int(50) === 0 ? 2048 + int(60000) : 8 + int(120);
        return valueLine(name, 3, Buffer.from(Array.from({ length: n }, () => int(256))));
      }
      default:
        return valueLine(name, 11, Buffer.from(Array.from({ length: 8 }, () => int(256))));
    }
  };
  const values = () => Array.from({ length: int(7) }, randomValue);

  // A generic vendor subtree: depth-first like reg export writes.
  const subtree = async (base, depth) => {
    await key(base, values());
    if (depth <= 0) return;
    const n = int(4);
    for (let i = 0; i < n; i++) await subtree(`${base}\\${pick(WORDS)} ${i}`, depth - 1);
  };
  const uninstallEntry = (name, version) => [
    valueLine('DisplayName', 'sz', name),
    valueLine('DisplayVersion', 'sz', version),
    valueLine('Publisher', 'sz', pick(['Microsoft Corporation', 'Adobe Inc.', 'Contoso Ltd.', 'Fabrikam, Inc.'])),
    valueLine('InstallDate', 'sz', `20${10 + int(15)}0${1 + int(9)}1${int(9)}`),
    valueLine('UninstallString', 2, utf16z(`MsiExec.exe /X${guid()}`)),
    valueLine('EstimatedSize', 'dword', int(500000)),
    valueLine('NoModify', 'dword', 1),
  ];
  const uninstallBlock = async (base, n, withMfa) => {
    await key(base);
    const at = withMfa ? int(n) : -1;
    for (let i = 0; i < n; i++) {
      if (i === at) {
        await key(`${base}\\${MFA_PRODUCT_CODE}`, [
          valueLine('DisplayName', 'sz', 'Multi-Factor Authentication Server'),
          valueLine('DisplayVersion', 'sz', '8.0.1.1'),
          valueLine('Publisher', 'sz', 'Microsoft Corporation'),
          valueLine('InstallDate', 'sz', '20190412'),
          valueLine('InstallLocation', 'sz', 'C:\\Program Files\\Multi-Factor Authentication Server\\'),
          valueLine('UninstallString', 2, utf16z(`MsiExec.exe /X${MFA_PRODUCT_CODE}`)),
          valueLine('EstimatedSize', 'dword', 210432),
        ]);
      }
      await key(
        `${base}\\${guid()}`,
        uninstallEntry(`${pick(WORDS)} ${pick(WORDS)} ${int(20)}.${int(10)}`, `${int(20)}.${int(10)}.${int(9999)}`),
      );
    }
  };

  await emit('\ufeffWindows Registry Editor Version 5.00\r\n');
  await key('HKEY_LOCAL_MACHINE\\SOFTWARE');
  await key('HKEY_LOCAL_MACHINE\\SOFTWARE\\Classes');
  while (size() < target * 0.35) {
    const clsid = guid();
    await key(`HKEY_LOCAL_MACHINE\\SOFTWARE\\Classes\\CLSID\\${clsid}`, [valueLine('', 'sz', `${pick(WORDS)} Class`)]);
    await key(`HKEY_LOCAL_MACHINE\\SOFTWARE\\Classes\\CLSID\\${clsid}\\InprocServer32`, [
      valueLine('', 2, utf16z(`%SystemRoot%\\System32\\${pick(WORDS)}.dll`)),
      valueLine('ThreadingModel', 'sz', pick(['Both', 'Apartment', 'Free'])),
    ]);
  }
  await key('HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft');
  while (size() < target * 0.6) await subtree(`HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\${pick(WORDS)} ${int(1e6)}`, 3);
  await key('HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion', [
    valueLine('CommonFilesDir', 'sz', 'C:\\Program Files\\Common Files'),
    valueLine('ProgramFilesDir', 'sz', 'C:\\Program Files'),
    valueLine('ProgramFilesDir (x86)', 'sz', 'C:\\Program Files (x86)'),
    valueLine('ProgramFilesPath', 2, utf16z('%ProgramFiles%')),
  ]);
  await uninstallBlock('HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Uninstall', 150, false);
  while (size() < target * 0.8) await subtree(`HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\${pick(WORDS)} ${int(1e6)}`, 3);
  await key('HKEY_LOCAL_MACHINE\\SOFTWARE\\WOW6432Node');
  while (size() < target * 0.88) await subtree(`HKEY_LOCAL_MACHINE\\SOFTWARE\\WOW6432Node\\Classes\\${pick(WORDS)}.${int(1e6)}`, 2);
  await uninstallBlock('HKEY_LOCAL_MACHINE\\SOFTWARE\\WOW6432Node\\Microsoft\\Windows\\CurrentVersion\\Uninstall', 120, true);
  await key('HKEY_LOCAL_MACHINE\\SOFTWARE\\WOW6432Node\\Positive Networks');
  await key(MFA_KEY, [
    valueLine('InstallPath', 'sz', 'C:\\Program Files\\Multi-Factor Authentication Server\\'),
    valueLine('Version', 'sz', '8.0.1.1'),
    valueLine('DataPath', 'sz', 'C:\\Program Files\\Multi-Factor Authentication Server\\Data\\'),
    valueLine('Installed', 'dword', 1),
  ]);
  await key(`${MFA_KEY}\\Settings`, [valueLine('ReplicationPort', 'dword', 4898), valueLine('WebServiceSdkInstalled', 'dword', 1)]);
  while (size() < target) await subtree(`HKEY_LOCAL_MACHINE\\SOFTWARE\\WOW6432Node\\${pick(WORDS)} ${int(1e6)}`, 3);
  await emit('\r\n');
  await flush();
  out.end();
  await once(out, 'finish');
  return sections;
}

/**
 * The other shape of a real whole-hive export: many small keys (one to three short values each, deep paths,
 * no blobs), as SYSTEM's services and class registrations, or a SOFTWARE hive full of COM and policy keys.
 * Per byte, the parser sees a key line or a value line far more often than in the large-key shape, whose
 * bytes sit mostly in wrapped hex lines of big binary values.
 */
async function generateSmallKeyHive(path, sizeMB, seed) {
  const rnd = mulberry32(seed);
  const pick = (a) => a[Math.floor(rnd() * a.length)];
  const int = (n) => Math.floor(rnd() * n);
  const hex = (n) => Array.from({ length: n }, () => '0123456789ABCDEF'[int(16)]).join('');
  const target = Math.max(1, sizeMB) * 1024 * 1024;
  const out = createWriteStream(path);
  let written = 0;
  let pending = [];
  let pendingChars = 0;
  let sections = 0;
  const flush = async () => {
    if (!pending.length) return;
    const buf = Buffer.from(pending.join(''), 'utf16le');
    pending = [];
    pendingChars = 0;
    written += buf.length;
    if (!out.write(buf)) await once(out, 'drain');
  };
  const key = async (p, values) => {
    sections++;
    const s = `\r\n[${p}]\r\n${values.join('')}`;
    pending.push(s);
    pendingChars += s.length;
    if (pendingChars > 512 * 1024) await flush();
  };
  const small = () => {
    const name = int(5) === 0 ? '' : pick(VALUE_NAMES);
    return int(2) ? valueLine(name, 'sz', `${pick(WORDS)} ${int(1000)}`) : valueLine(name, 'dword', int(64));
  };
  pending.push('\ufeffWindows Registry Editor Version 5.00\r\n');
  const size = () => written + pendingChars * 2;
  // Tree order, as reg export writes it. First a third of class registrations (a subtree the parser can
  // skip as a whole: no interest below HKLM\SOFTWARE\Classes) ...
  await key('HKEY_LOCAL_MACHINE\\SOFTWARE', []);
  await key('HKEY_LOCAL_MACHINE\\SOFTWARE\\Classes\\CLSID', []);
  for (let n = 0; size() < target * 0.33; n++) {
    const g = `{${n.toString(16).toUpperCase().padStart(8, '0')}-${hex(4)}-${hex(4)}-${hex(4)}-${hex(12)}}`;
    await key(`HKEY_LOCAL_MACHINE\\SOFTWARE\\Classes\\CLSID\\${g}`, [small()]);
    await key(`HKEY_LOCAL_MACHINE\\SOFTWARE\\Classes\\CLSID\\${g}\\InprocServer32`, [small(), small()]);
  }
  // ... then the hard part: thousands of small vendor subtrees side by side under WOW6432Node, which also
  // holds two interests (Positive Networks\PhoneFactor, Microsoft\...\Uninstall), so each vendor is a
  // new skip decision.
  await key('HKEY_LOCAL_MACHINE\\SOFTWARE\\WOW6432Node', []);
  let mfaWritten = false;
  for (let v = 0; size() < target; v++) {
    const vendor = `HKEY_LOCAL_MACHINE\\SOFTWARE\\WOW6432Node\\${mfaWritten ? 'Z' : 'A'}${String(v).padStart(6, '0')} ${pick(WORDS)}`;
    if (!mfaWritten && size() > target * 0.66) {
      mfaWritten = true;
      await key('HKEY_LOCAL_MACHINE\\SOFTWARE\\WOW6432Node\\Positive Networks', []);
      await key(MFA_KEY, [
        valueLine('InstallPath', 'sz', 'C:\\Program Files\\Multi-Factor Authentication Server\\'),
        valueLine('Version', 'sz', '8.0.1.1'),
      ]);
      await key(`${MFA_KEY}\\Settings`, [valueLine('ReplicationPort', 'dword', 4898)]);
    }
    await key(vendor, Array.from({ length: int(3) }, small));
    for (let i = 1 + int(3); i > 0; i--) {
      const product = `${vendor}\\${pick(WORDS)} ${i}`;
      await key(product, Array.from({ length: 1 + int(3) }, small));
      for (let j = int(3); j > 0; j--) await key(`${product}\\${pick(WORDS)} ${j}`, Array.from({ length: 1 + int(2) }, small));
    }
  }
  pending.push('\r\n');
  await flush();
  out.end();
  await once(out, 'finish');
  return sections;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [file, mb, seed, shape] = process.argv.slice(2);
  if (!file || !mb) {
    console.error('usage: node bench/gen-hive.mjs OUT.reg SIZE_MB [SEED] [large-keys|small-keys]');
    process.exit(2);
  }
  const n = await generateHive(file, Number(mb), Number(seed ?? 1), shape ?? 'large-keys');
  console.log(`${file}: ${n} keys`);
}
