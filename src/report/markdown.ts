import type { Report } from '../types.js';
import { mdEscape } from './text.js';
import { compileTemplates } from './templating.js';
import { buildView } from './view.js';

/**
 * The Markdown report, same content and order as the HTML. Values from the report are
 * Markdown-escaped while the view is built (mdEscape), so the template runs with noEscape:
 * a user's template cannot forget to escape. `templateDir` as for renderHtml (report.md.hbs).
 */
export function renderMarkdown(report: Report, opts: { templateDir?: string } = {}): string {
  const render = compileTemplates('report.md.hbs', [], { templateDir: opts.templateDir, noEscape: true });
  // Collapse runs of blank lines the template's conditionals leave; end with one newline.
  return render(buildView(report, mdEscape))
    .replace(/\n{3,}/g, '\n\n')
    .replace(/\s*$/, '\n');
}
