/** The report's four formats behind one function; their shared helpers are in format-common.ts. */
import type { ForgeLinks } from '../git/forge-url.js';
import type { Report } from './report.js';
import { formatReportText } from './format-text.js';
import { formatReportMarkdown } from './format-md.js';
import { formatReportHtml } from './format-html.js';

export type ReportFormat = 'text' | 'md' | 'json' | 'html';

export function formatReport(
  format: ReportFormat,
  report: Report,
  options: { color: boolean; links?: ForgeLinks | undefined },
): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify(report, null, 2)}\n`;
    case 'md':
      return formatReportMarkdown(report, options.links);
    case 'html':
      return formatReportHtml(report, options.links);
    default:
      return formatReportText(report, options);
  }
}
