/** The report side of the pipeline: verdict, waivers, schema, loader, renderers, writing. */
export { validateReport, validateWaiverFile, validateBundleJson, validateManifestJson, schemaValidator, type Validation } from './schema.js';
export { computeVerdict, severityRank, atOrAbove, compareFindings, sortFindings, failingFindingIds, NOTHING_TO_UPGRADE_RULE, FAIL_ON_VALUES, type FailOn } from './verdict.js';
export { loadWaivers, applyWaivers, expiredWaiverFindings, raiseExpiredWaivers, hostMatches, sameRule, isExpired, withStatus, asEntry, waiverKey, WaiverFileError, EXPIRED_WAIVER_RULE, WAIVERS_MAX_BYTES, type ApplyWaiverOptions } from './waivers.js';
export { loadReport, readTextFile, decodeText, InputFileError, ReportFileError, REPORT_MAX_BYTES } from './load.js';
export { rejudge, rejudgeReport, type RejudgeOptions, type Rejudged } from './rejudge.js';
export { renderHtml } from './html.js';
export { renderMarkdown } from './markdown.js';
export { renderJunit, type RuleRan } from './junit.js';
export { renderJson } from './json.js';
export { writeReports, reportBasePath, defaultBaseName, fileSafeHost, REPORT_FORMATS, EXTENSIONS, type ReportFormat, type WriteOptions } from './write.js';
