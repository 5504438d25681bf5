/** The report side of the pipeline: verdict, waivers, schema, renderers, writing. */
export { validateReport } from './schema.js';
export { computeVerdict, severityRank, atOrAbove, compareFindings, failingFindingIds, NOTHING_TO_UPGRADE_RULE, FAIL_ON_VALUES, type FailOn } from './verdict.js';
export { loadWaivers, applyWaivers, expiredWaiverFindings, isExpired, WaiverFileError, EXPIRED_WAIVER_RULE, type ApplyWaiverOptions } from './waivers.js';
export { renderHtml } from './html.js';
export { renderMarkdown } from './markdown.js';
export { renderJunit, type RuleRan } from './junit.js';
export { renderJson } from './json.js';
export { writeReports, reportBasePath, defaultBaseName, fileSafeHost, REPORT_FORMATS, EXTENSIONS, type ReportFormat, type WriteOptions } from './write.js';
