import type { ErrorObject } from 'ajv';
import { VALIDATORS } from './validators.generated.js';

/** A precompiled ajv validator (ajv standalone code): true or false, with the errors of the last call. */
type PrecompiledValidator = ((data: unknown) => boolean) & { errors?: ErrorObject[] | null };

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
      what = `must be one of ${(p.allowedValues as unknown[]).map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join(', ')}`;
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
 * A validator for one schema of schemas/, giving one line per error: where, what, and the allowed values of an
 * enum. The validators are compiled at build time (scripts/gen-validators.mjs writes validators.generated.ts, with
 * the options this module used to compile with: allErrors, verbose, ajv-formats); nothing is compiled at run time,
 * so ajv's compiler is never loaded. One schema can use another's definitions (the fleet report's findings and
 * verdict are the host report's: `report.schema.json#/definitions/finding`): the generator holds them all in one Ajv.
 */
export function schemaValidator(file: string): (obj: unknown) => Validation {
  return (obj) => {
    const validate = precompiled(file);
    if (validate(obj)) return { ok: true };
    const described = (validate.errors ?? []).map(describeError);
    return { ok: false, errors: described.map((d) => `${d.at === '' ? '(root)' : d.at}: ${d.what}`), at: described.map((d) => d.at) };
  };
}

function precompiled(file: string): PrecompiledValidator {
  const v = (VALIDATORS as Record<string, PrecompiledValidator | undefined>)[file];
  if (!v) throw new Error(`schemas/${file}: no precompiled validator (src/util/validators.generated.ts); run npm run build`);
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
