import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { SCHEMAS_DIR } from './paths.js';

// ajv-formats is CommonJS with `exports.default`; under NodeNext the default import is the module object.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ??
  addFormatsModule) as unknown as (ajv: Ajv) => Ajv;

export type Validation = { ok: true } | { ok: false; errors: string[] };

/**
 * A validator for one schema of schemas/, compiled on first use (most commands never validate), giving
 * one line per error: where, what, and the allowed values of an enum.
 */
export function schemaValidator(file: string): (obj: unknown) => Validation {
  let validate: ValidateFunction | undefined;
  return (obj) => {
    if (!validate) {
      const ajv = new Ajv({ allErrors: true, strict: false });
      addFormats(ajv);
      validate = ajv.compile(JSON.parse(readFileSync(join(SCHEMAS_DIR, file), 'utf8')) as object);
    }
    if (validate(obj)) return { ok: true };
    const errors = (validate.errors ?? []).map((e) => {
      const where = e.instancePath === '' ? '(root)' : e.instancePath;
      const allowed = e.keyword === 'enum' ? ` (${(e.params as { allowedValues: unknown[] }).allowedValues.join(', ')})` : '';
      return `${where} ${e.message ?? 'is invalid'}${allowed}`;
    });
    return { ok: false, errors };
  };
}

/** Validates a host report (schemaVersion 1) against schemas/report.schema.json. */
export const validateReport = schemaValidator('report.schema.json');
