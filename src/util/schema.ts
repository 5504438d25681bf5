import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';

/** schemas/ of the package: this module runs from src/util/ (vitest) and dist/util/ (after tsc). */
const SCHEMAS_DIR = fileURLToPath(new URL('../../schemas/', import.meta.url));

// ajv-formats is CommonJS with `exports.default`; under NodeNext the default import is the module object.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ??
  addFormatsModule) as unknown as (ajv: Ajv) => Ajv;

/**
 * A failed validation: `errors[i]` is one line, `/findings/3/severity: must be one of critical, high, …`;
 * `at[i]` is the JSON pointer of the field it names (for a missing or unknown field, that field).
 */
export type Validation = { ok: true } | { ok: false; errors: string[]; at: string[] };

/** The field an error is about and what is wrong with it, in plain words. */
function describeError(e: ErrorObject): { at: string; what: string } {
  const p = e.params as Record<string, unknown>;
  let at = e.instancePath;
  let what = e.message ?? 'is invalid';
  switch (e.keyword) {
    case 'enum':
      what = `must be one of ${(p.allowedValues as unknown[]).map((v) => (v === null ? 'null' : String(v))).join(', ')}`;
      break;
    case 'const':
      what = `must be ${JSON.stringify(p.allowedValue)}`;
      break;
    case 'type':
      what = `must be ${String(p.type).split(',').join(' or ')}`;
      break;
    case 'required':
      at = `${at}/${String(p.missingProperty)}`;
      what = 'is required';
      break;
    case 'additionalProperties':
      at = `${at}/${String(p.additionalProperty)}`;
      what = 'is not a known field';
      break;
    case 'minLength':
      if (p.limit === 1) what = 'must not be empty';
      break;
    case 'pattern':
      if (p.pattern === '\\S') what = 'must not be empty';
      break;
    case 'format': {
      const shown = typeof e.data === 'string' ? ` (${JSON.stringify(e.data.length > 40 ? `${e.data.slice(0, 40)}…` : e.data)})` : '';
      what = `is not a ${String(p.format)}${shown}${p.format === 'date' ? '; use YYYY-MM-DD' : ''}`;
      break;
    }
  }
  return { at, what };
}

/**
 * The one ajv set-up of the project (report, fleet report, waiver file, bundle.json, manifest.json).
 * A neutral module: the host layer validates bundle.json with it without importing the report side.
 *
 * A validator for one schema of schemas/, compiled on first use (most commands never validate), giving
 * one line per error: where, what, and the allowed values of an enum.
 */
export function schemaValidator(file: string): (obj: unknown) => Validation {
  let validate: ValidateFunction | undefined;
  return (obj) => {
    validate ??= compiled(file);
    if (validate(obj)) return { ok: true };
    const described = (validate.errors ?? []).map(describeError);
    return { ok: false, errors: described.map((d) => `${d.at === '' ? '(root)' : d.at}: ${d.what}`), at: described.map((d) => d.at) };
  };
}

let shared: Ajv | undefined;
/**
 * One Ajv holding every schema of schemas/ (by its $id), so one schema can use another's definitions
 * (the fleet report's findings and verdict are the host report's: `report.schema.json#/definitions/finding`).
 */
function compiled(file: string): ValidateFunction {
  if (!shared) {
    shared = new Ajv({ allErrors: true, strict: false, verbose: true });
    addFormats(shared);
    for (const name of readdirSync(SCHEMAS_DIR).filter((n) => n.endsWith('.schema.json')).sort()) {
      shared.addSchema(JSON.parse(readFileSync(join(SCHEMAS_DIR, name), 'utf8')) as object, name);
    }
  }
  const v = shared.getSchema(file);
  if (!v) throw new Error(`schemas/${file}: no such schema`);
  return v;
}

/** Validates a host report (schemaVersion 1) against schemas/report.schema.json. */
export const validateReport = schemaValidator('report.schema.json');
/** Validates a waiver file's content (schemas/waivers.schema.json). */
export const validateWaiverFile = schemaValidator('waivers.schema.json');
/** Validates bundle.json (schemas/bundle.schema.json). */
export const validateBundleJson = schemaValidator('bundle.schema.json');
/** Validates manifest.json (schemas/manifest.schema.json). */
export const validateManifestJson = schemaValidator('manifest.schema.json');
