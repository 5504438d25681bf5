import type { Report } from '../types.js';
import { compileTemplates } from './templating.js';
import { buildView } from './view.js';

export const HTML_PARTIALS = ['styles', 'verdict', 'change', 'plan', 'findings', 'inventory', 'scan'];

/**
 * The HTML report: one self-contained file (inline CSS, no scripts, no external URLs).
 * Every value from the report is escaped by Handlebars (`{{ }}`); control characters are made visible.
 * `templateDir`: a user's template folder (`--template DIR`), same file names; missing files fall back to ours.
 */
export function renderHtml(report: Report, opts: { templateDir?: string } = {}): string {
  const render = compileTemplates('report.html.hbs', HTML_PARTIALS, { templateDir: opts.templateDir, noEscape: false });
  return render(buildView(report, (s) => s));
}
