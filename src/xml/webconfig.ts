/**
 * ASP.NET web.config of the User Portal / Mobile App Web Service, and the AD FS adapter's
 * MultiFactorAuthenticationAdfsAdapter.config. All values leave this module redacted.
 */
import type { ComponentId, ParsedSettings } from '../types.js';
import { redactElement, redactValue } from './redact.js';
import { attr, child, childrenNamed, descend, parseXmlSafe, textOf, type ParseOptions, type XmlElement } from './safe.js';

export interface SdkUrlSetting {
  /** The setting it came from: "pfup.Properties.Settings/pfup_pfwssdk_PfWsSdk", "appSettings/KEY", "WebServiceSdkUrl". */
  setting: string;
  url: string;
}

export type WebConfigResult =
  | {
      ok: true;
      settings: ParsedSettings;
      sdkUrl: SdkUrlSetting | null;
      /** applicationSettings section names, in document order ("pfup.Properties.Settings"). */
      sections: string[];
      /** Component the sections identify (pfup.* user-portal, pfpaws.* mobile-app), null where none. */
      component: ComponentId | null;
      /** `file`/`configSource` attributes of appSettings/applicationSettings sections: settings kept in other files. */
      externalFiles: { section: string; attribute: string; path: string }[];
      /** The whole document, redacted. */
      raw: XmlElement;
    }
  | { ok: false; error: string };

const SDK_SETTING_SUFFIX = /_pfwssdk_PfWsSdk$/i;
const SDK_APPSETTING_KEY = /WEB_?SERVICES?_?SDK.*URL|pfwssdk/i;

/** Which component an applicationSettings section name belongs to. */
export function componentOfSections(sections: string[]): ComponentId | null {
  for (const s of sections) {
    if (/^pfup(\.|$)/i.test(s)) return 'user-portal';
    if (/^pfpaws(\.|$)/i.test(s)) return 'mobile-app';
  }
  return null;
}

/** Read appSettings and applicationSettings of a web.config. */
export function readWebConfig(data: Buffer | string, opts?: ParseOptions): WebConfigResult {
  const r = parseXmlSafe(data, opts);
  if (!r.ok) return r;
  const root = r.doc.root;
  if (root.name.toLowerCase() !== 'configuration') {
    return { ok: false, error: `not a .NET configuration file: root element is <${root.name}>, expected <configuration>` };
  }

  const externalFiles: { section: string; attribute: string; path: string }[] = [];
  const noteExternal = (section: string, el: XmlElement): void => {
    for (const a of ['file', 'configSource']) {
      const v = attr(el, a);
      if (v) externalFiles.push({ section, attribute: a, path: v });
    }
  };

  // appSettings: add/remove/clear apply in document order, a later add wins.
  const app = new Map<string, { key: string; value: string }>();
  for (const sec of childrenNamed(root, 'appSettings')) {
    noteExternal('appSettings', sec);
    for (const e of sec.children) {
      const op = e.name.toLowerCase();
      const key = attr(e, 'key');
      if (op === 'clear') app.clear();
      else if (op === 'remove' && key !== null) app.delete(key.toLowerCase());
      else if (op === 'add' && key !== null) app.set(key.toLowerCase(), { key, value: attr(e, 'value') ?? '' });
    }
  }
  const appSettings: Record<string, string> = {};
  const rawApp: { key: string; value: string }[] = [...app.values()];
  for (const { key, value } of rawApp) appSettings[key] = redactValue(key, value);

  // applicationSettings/<section>/setting name=.. serializeAs=..><value>..</value>
  const applicationSettings: Record<string, Record<string, string>> = {};
  const sections: string[] = [];
  let sdkUrl: SdkUrlSetting | null = null;
  for (const group of childrenNamed(root, 'applicationSettings')) {
    noteExternal('applicationSettings', group);
    for (const sec of group.children) {
      noteExternal(sec.name, sec);
      if (!sections.includes(sec.name)) sections.push(sec.name);
      const values = Object.hasOwn(applicationSettings, sec.name) ? applicationSettings[sec.name] : (applicationSettings[sec.name] = {});
      for (const s of childrenNamed(sec, 'setting')) {
        const name = attr(s, 'name');
        if (name === null) continue;
        const valueEl = child(s, 'value');
        const value = valueEl ? textOf(valueEl) : '';
        values[name] = redactValue(name, value);
        if (!sdkUrl && SDK_SETTING_SUFFIX.test(name) && value !== '')
          sdkUrl = { setting: `${sec.name}/${name}`, url: redactValue(name, value) };
      }
    }
  }
  // Sections declared in configSections count too (a declared but empty section still tells the component).
  for (const g of childrenNamed(descend(root, 'configSections') ?? root, 'sectionGroup')) {
    if ((attr(g, 'name') ?? '').toLowerCase() !== 'applicationsettings') continue;
    for (const s of childrenNamed(g, 'section')) {
      const n = attr(s, 'name');
      if (n && !sections.includes(n)) sections.push(n);
    }
  }
  if (!sdkUrl) {
    const hit = rawApp.find(({ key, value }) => SDK_APPSETTING_KEY.test(key) && /^\s*https?:\/\//i.test(value));
    if (hit) sdkUrl = { setting: `appSettings/${hit.key}`, url: redactValue(hit.key, hit.value.trim()) };
  }

  return {
    ok: true,
    settings: { appSettings, applicationSettings },
    sdkUrl,
    sections,
    component: componentOfSections(sections),
    externalFiles,
    raw: redactElement(root),
  };
}

export type AdapterConfigResult =
  | {
      ok: true;
      /** Element name -> trimmed text (redacted), in document order. */
      values: Record<string, string>;
      /** UseWebServiceSdk as a boolean, null where absent or not true/false. */
      useWebServiceSdk: boolean | null;
      sdkUrl: SdkUrlSetting | null;
      raw: XmlElement;
    }
  | { ok: false; error: string };

/** Read MultiFactorAuthenticationAdfsAdapter.config (`<ConfigurationData>` with one element per setting). */
export function readAdapterConfig(data: Buffer | string, opts?: ParseOptions): AdapterConfigResult {
  const r = parseXmlSafe(data, opts);
  if (!r.ok) return r;
  const root = r.doc.root;
  if (root.name.toLowerCase() !== 'configurationdata') {
    return { ok: false, error: `not an AD FS adapter config: root element is <${root.name}>, expected <ConfigurationData>` };
  }
  const values: Record<string, string> = {};
  for (const e of root.children) values[e.name] = redactValue(e.name, textOf(e));
  const useEl = child(root, 'UseWebServiceSdk');
  const use = useEl ? textOf(useEl).toLowerCase() : '';
  const urlEl = child(root, 'WebServiceSdkUrl');
  const url = urlEl ? textOf(urlEl) : '';
  return {
    ok: true,
    values,
    useWebServiceSdk: use === 'true' ? true : use === 'false' ? false : null,
    sdkUrl: url ? { setting: urlEl!.name, url: redactValue(urlEl!.name, url) } : null,
    raw: redactElement(root),
  };
}
