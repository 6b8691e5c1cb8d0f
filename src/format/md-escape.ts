/**
 * Text from idea files inside Markdown: a title with a pipe would split a table cell, a newline
 * would end the row, and `<b>`, `[x](y)` or `*` would turn into markup. Any ASCII punctuation
 * character may be backslash-escaped in CommonMark; these are the ones that can start markup
 * inside a line (a cell never starts one, so `-`, `:` or `=` stay as they are, readable).
 */
import { sanitizeLine } from './sanitize.js';

const MARKDOWN_PUNCTUATION = /[\\`*_{}[\]()<>#+!|~&]/g;

/**
 * `@name` in a PR comment or a step summary notifies that person or team (`@org/everyone`), and
 * a backslash does not stop it: GitHub finds mentions in the rendered text. A zero-width space
 * after the `@` (as an entity, so the source stays ASCII) reads the same and notifies no one.
 */
const MENTION = /@(?=[A-Za-z0-9])/g;

/** Safe inline text, and safe inside a GFM table cell. */
export function escapeMarkdown(text: string): string {
  return sanitizeLine(text.replace(/\r\n?|\n/g, ' '))
    .replace(MARKDOWN_PUNCTUATION, '\\$&')
    .replace(MENTION, '@&#8203;');
}

/** A link target: only relative paths of the repository, with spaces and parentheses encoded. */
export function markdownPath(path: string): string {
  return path
    .split('/')
    .map((part) => encodeURIComponent(part))
    .join('/');
}
