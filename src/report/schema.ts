import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { SCHEMAS_DIR } from './paths.js';

// ajv-formats is CommonJS with `exports.default`; under NodeNext the default import is the module object.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ??
  addFormatsModule) as unknown as (ajv: Ajv) => Ajv;

let validator: ValidateFunction | undefined;

/** Compiled once, on first use: most commands never validate. */
function compiled(): ValidateFunction {
  if (!validator) {
    const schema = JSON.parse(readFileSync(join(SCHEMAS_DIR, 'report.schema.json'), 'utf8')) as object;
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    validator = ajv.compile(schema);
  }
  return validator;
}

/** Validates a host report (schemaVersion 1) against schemas/report.schema.json. */
export function validateReport(obj: unknown): { ok: true } | { ok: false; errors: string[] } {
  const validate = compiled();
  if (validate(obj)) return { ok: true };
  const errors = (validate.errors ?? []).map((e) => {
    const where = e.instancePath === '' ? '(root)' : e.instancePath;
    const allowed = e.keyword === 'enum' ? ` (${(e.params as { allowedValues: unknown[] }).allowedValues.join(', ')})` : '';
    return `${where} ${e.message ?? 'is invalid'}${allowed}`;
  });
  return { ok: false, errors };
}
