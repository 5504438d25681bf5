/** The schema validators (one ajv set-up, src/util/schema.ts), as the report side has always imported them. */
export {
  schemaValidator,
  validateReport,
  validateWaiverFile,
  validateBundleJson,
  validateManifestJson,
  type Validation,
} from '../util/schema.js';
