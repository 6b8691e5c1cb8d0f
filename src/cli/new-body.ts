/**
 * The body of `ideas new` in one editor session: every heading of the template with its text as
 * hint lines, which are dropped on save as git drops its `#` lines. Hints start with `//`, which
 * Markdown gives no meaning and which cannot be mistaken for a heading; inside fenced code a `//`
 * line is the user's own (a code comment) and stays. Pure: new.ts does the file and the editor.
 */
import { sanitizeLine } from '../format/sanitize.js';
import { normaliseText, splitSections, type TemplateSection } from '../parse/template.js';

export const HINT = '//';

const FENCE = /^\s*(```|~~~)/;

function header(title: string): string[] {
  return [
    `${HINT} ${sanitizeLine(title)}`,
    `${HINT} Write the idea under each heading, then save and close the editor.`,
    `${HINT} Lines starting with ${HINT} are hints: they are dropped when you save.`,
    `${HINT} Save it empty to write nothing; your other answers are kept for the next run.`,
  ];
}

/** What the editor opens: the template's headings, each with its hint, and any text already given. */
export function editorText(
  title: string,
  sections: readonly TemplateSection[],
  templateText: string,
  given: ReadonlyMap<string, string>,
): string {
  const hints = new Map(splitSections(templateText).map((s) => [s.heading, s.text]));
  const blocks = sections.map((section) => {
    const hint = (hints.get(section.heading) ?? '')
      .replace(/<!--[\s\S]*?-->/g, '')
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean)
      .map((line) => `${HINT} ${line}`);
    const text = given.get(section.heading)?.trim();
    return [`## ${section.heading}`, ...hint, ...(text ? [text] : []), ''].join('\n');
  });
  return `${header(title).join('\n')}\n\n${blocks.join('\n')}`;
}

/** A body kept from an earlier run, opened again to be fixed. */
export function editorTextAgain(title: string, body: string): string {
  return `${header(title).join('\n')}\n\n${body}`;
}

/** The body as saved: hint lines dropped (outside fenced code), blank lines trimmed at both ends. */
export function stripHints(text: string): string {
  let inFence = false;
  const kept = text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .filter((line) => {
      if (FENCE.test(line)) inFence = !inFence;
      return inFence || !line.startsWith(HINT);
    });
  const body = kept
    .join('\n')
    .replace(/^\s*\n/, '')
    .trimEnd();
  return body === '' ? '' : `${body}\n`;
}

/** Nothing but headings (or nothing at all): the user wrote no idea. */
export function isEmptyBody(body: string): boolean {
  const text = body
    .split('\n')
    .filter((line) => !/^#{1,6}\s/.test(line))
    .join('\n');
  return normaliseText(text) === '';
}
