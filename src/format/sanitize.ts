/* eslint-disable no-control-regex -- matching control characters is the point of this file */
/**
 * Text from idea files is untrusted: anyone can open a pull request. Before it reaches a
 * terminal, escape sequences and control characters go (no cursor moves, no fake prompts,
 * no hidden text), and so do bidirectional overrides that reorder what a reader sees.
 */
const ANSI_SEQUENCE =
  /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|\u001b[@-Z\\-_]/g;
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Safe to print on a terminal; keeps newlines and tabs. */
export function sanitizeForTerminal(text: string): string {
  return text.replace(ANSI_SEQUENCE, '').replace(CONTROL, '\uFFFD');
}

/** One line on a terminal: like sanitizeForTerminal, newlines and tabs become spaces. */
export function sanitizeLine(text: string): string {
  return sanitizeForTerminal(text).replace(/[\n\t]/g, ' ');
}
