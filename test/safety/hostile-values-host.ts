import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { BASE, PORTAL, regV5, stageHost } from './helpers.js';

/** Values from the target that look like HTML, Markdown, handlebars or terminal escapes (issue 6, part 5). */
export const ESC = '\u001b';
// A marker script: sets the title and adds an element. Either showing up in the rendered DOM means it ran.
export const JS = "document.title='PWNED';document.body.appendChild(document.createElement('pwned-marker'))";
export const IMG = `<img src=x onerror="${JS}">`;
export const SCRIPT = `<script>${JS}</script>`;
export const HBS = '{{constructor}} {{{lookup this "x"}}} {{> partial}}';
export const MD = '**bold** [click](javascript:alert(1)) | cell | <b>b</b> `code` # head';
export const TERM = `${ESC}[31mRED${ESC}[0m ${ESC}]8;;http://evil.example/${ESC}\\link${ESC}]8;;${ESC}\\ bell\u0007 cr\rover c1\u009b31m`;

/** A hostile copy of the richest fixture: the values go where a report shows them. */
export function hostileHost(): string {
  const dir = stageHost(BASE);
  // Host name: report titles, the JUnit suite, the stderr summary line, the default report file name.
  const bj = path.join(dir, 'bundle.json');
  writeFileSync(bj, JSON.stringify({ ...JSON.parse(readFileSync(bj, 'utf8')), hostname: `PF01 ${IMG} ${HBS} ${TERM}` }));
  // Theme folder names: MFA-BKP-011 messages and evidence (a folder name cannot hold "/").
  const themes = path.join(dir, PORTAL, 'App_Themes');
  for (const name of [IMG, HBS, MD, TERM, `<svg onload="${JS}">`]) mkdirSync(path.join(themes, name.replace(/\//g, '')));
  // The SDK URL of the portal: evidence of MFA-VDIR-002.
  const web = path.join(dir, PORTAL, 'web.config');
  const xmlEsc = (s: string) =>
    s
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/[\u0000-\u001f\u009b]/g, (c) => (c === '\u0007' || c === ESC || c === '\u009b' ? '' : c));
  writeFileSync(
    web,
    readFileSync(web, 'utf8').replace(
      /PhoneFactorWebServiceSdk\/PfWsSdk\.asmx/,
      `PhoneFactorWebServiceSdk/${xmlEsc(SCRIPT + HBS + MD)}/PfWsSdk.asmx`,
    ),
  );
  // A registry value shown in the inventory, and a problem whose location is a hostile file name.
  writeFileSync(
    path.join(dir, 'registry', 'zz-hostile.reg'),
    regV5(
      `[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\{HOSTILE}]\n"DisplayName"="Multi-Factor Authentication Server ${SCRIPT.replace(/"/g, '\\"')} ${TERM}"\n"DisplayVersion"="7.3.0.3"`,
    ),
  );
  writeFileSync(path.join(dir, 'registry', `zz-${IMG.replace(/\//g, '')}.reg`), 'not a registry export');
  return dir;
}
