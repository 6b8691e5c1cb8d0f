/* eslint-disable no-control-regex -- matching control characters is the point here */
/** Text from idea files inside HTML: as element text and inside quoted attributes alike. */
const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Control characters other than tab and newline have no business in a page either. */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch] ?? ch).replace(CONTROL, '\uFFFD');
}
