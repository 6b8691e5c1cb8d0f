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

/** Any character either step would change; most strings (ids, dates, handles) have none. */
const NEEDS_WORK =
  // eslint-disable-next-line no-control-regex -- control characters are what it looks for
  /[&<>"'\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

export function escapeHtml(text: string): string {
  if (!NEEDS_WORK.test(text)) return text;
  return sanitizeForTerminal(text).replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch] ?? ch);
}
