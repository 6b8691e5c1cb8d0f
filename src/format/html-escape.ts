/**
 * Text from idea files inside HTML: as element text and inside quoted attributes alike. Escape
 * sequences, control characters and bidirectional overrides go first, as on a terminal: they
 * have no business in a page and would only hide or reorder what a reader sees.
 */
import { sanitizeForTerminal } from './sanitize.js';

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return sanitizeForTerminal(text).replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch] ?? ch);
}
