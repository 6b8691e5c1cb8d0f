import type { Report } from './report.js';
export function formatReportHtml(report: Report): string {
  return JSON.stringify(report);
}
