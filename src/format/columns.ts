/**
 * Plain-text tables that fit a terminal: every column but one takes its natural width, the
 * flexible one (a title) takes what is left and is truncated with an ellipsis.
 */

export interface Column {
  header: string;
  align?: 'left' | 'right';
  /** Never wider than this. */
  max?: number;
  /** Takes the remaining width; at most one column. */
  flex?: boolean;
}

const GAP = '  ';

export function layoutTable(
  columns: readonly Column[],
  rows: readonly (readonly string[])[],
  width: number,
): string[] {
  const natural = columns.map((column, i) =>
    Math.min(
      column.max ?? Infinity,
      Math.max(displayWidth(column.header), ...rows.map((row) => displayWidth(row[i] ?? ''))),
    ),
  );
  const flex = columns.findIndex((column) => column.flex);
  if (flex >= 0) {
    const others = natural.reduce((sum, w, i) => (i === flex ? sum : sum + w), 0);
    const room = width - others - GAP.length * (columns.length - 1);
    natural[flex] = Math.max(Math.min(natural[flex] ?? 0, room), 8);
  }
  const render = (cells: readonly string[]) =>
    cells
      .map((cell, i) => {
        const w = natural[i] ?? 0;
        const fitted = truncate(cell, w);
        const pad = ' '.repeat(Math.max(0, w - displayWidth(fitted)));
        return columns[i]?.align === 'right' ? pad + fitted : fitted + pad;
      })
      .join(GAP)
      .trimEnd();
  return [render(columns.map((column) => column.header)), ...rows.map(render)];
}

/**
 * Our own colour codes (SGR) take no columns. Untrusted text has been sanitised before it gets
 * here, so every escape sequence left is one of ours.
 */
// eslint-disable-next-line no-control-regex
const SGR = /\u001b\[[0-9;]*m/y;

/** Cut to `width` display columns, ending with … when cut; colour codes are kept whole. */
export function truncate(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  let out = '';
  let used = 0;
  let cut = false;
  for (let i = 0; i < text.length;) {
    SGR.lastIndex = i;
    const sgr = SGR.exec(text);
    if (sgr) {
      out += sgr[0];
      i += sgr[0].length;
      continue;
    }
    const char = String.fromCodePoint(text.codePointAt(i) ?? 0);
    i += char.length;
    if (cut) continue;
    const w = charWidth(char.codePointAt(0) ?? 0);
    if (used + w > width - 1) {
      out += '…';
      cut = true;
      continue;
    }
    out += char;
    used += w;
  }
  return out;
}

export function displayWidth(text: string): number {
  let width = 0;
  // eslint-disable-next-line no-control-regex
  for (const char of text.replace(/\u001b\[[0-9;]*m/g, ''))
    width += charWidth(char.codePointAt(0) ?? 0);
  return width;
}

/** Combining marks take no column; East Asian wide characters and most emoji take two. */
function charWidth(code: number): number {
  if ((code >= 0x300 && code <= 0x36f) || code === 0x200d || (code >= 0xfe00 && code <= 0xfe0f))
    return 0;
  if (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x1f300 && code <= 0x1faff) ||
    (code >= 0x20000 && code <= 0x3fffd)
  )
    return 2;
  return 1;
}

/** Word-wraps one line to `width` columns; continuation lines keep the line's indent. */
export function wrapLine(text: string, width: number): string[] {
  if (displayWidth(text) <= width) return [text];
  const lead = /^\s*/.exec(text)?.[0] ?? '';
  const indent = lead;
  const words = text.slice(lead.length).split(/ +/);
  const lines: string[] = [];
  let current = lead;
  for (const word of words) {
    const candidate = current.trim() === '' ? current + word : `${current} ${word}`;
    if (displayWidth(candidate) <= width || current.trim() === '') current = candidate;
    else {
      lines.push(current);
      current = indent + word;
    }
  }
  lines.push(current);
  // A word longer than the line (a URL, a hash) stays whole on its own line: cutting it would
  // break a link someone copies from the pipe; the terminal wraps it if it must.
  return lines;
}
