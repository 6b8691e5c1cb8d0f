/** What the readers refuse to read, and how they say so: one rule, one wording everywhere. */
import { isUtf8 } from 'node:buffer';
import type { Problem } from '../model/types.js';
import type { BlobLimit } from '../git/git-process.js';

/** Records are small; anything larger is a mistake or an attack, and is reported, not read. */
export const MAX_FILE_BYTES = 1024 * 1024;

export type Refusal =
  | 'symlink'
  | 'too-large'
  | 'binary'
  | 'unreadable'
  | 'not-a-file'
  | 'too-deep'
  | 'utf-16'
  | 'not-utf8';

const MESSAGES: Record<Refusal, string> = {
  symlink:
    'symbolic links are not followed in an ideas repository: replace the link with the file itself',
  'too-large': `the file is over ${MAX_FILE_BYTES / 1024} KiB: records are short; cut it down`,
  binary: 'the file is binary (it holds NUL bytes): records are UTF-8 Markdown',
  'utf-16': 'not UTF-8: re-save as UTF-8 (this file is UTF-16)',
  'not-utf8':
    'not UTF-8: re-save as UTF-8 (this file holds bytes of another encoding, such as Latin-1 or Windows-1252)',
  unreadable: 'the file cannot be opened: check its permissions',
  'not-a-file':
    'this is not a regular file (a named pipe, socket or device): remove it, or put the record back (git restore)',
  'too-deep': 'folders nest deeper than any record lives: move the records to where they belong',
};

export function refusal(file: string, reason: Refusal): Problem {
  return {
    rule: 'repo/unreadable-file',
    severity: 'error',
    file,
    line: 1,
    column: 1,
    message: MESSAGES[reason],
  };
}

/** The size limit for streamBlobs: an oversized blob of `entries` becomes a problem, unread. */
export function tooLargeRefused(
  entries: readonly { path: string }[],
  problems: Problem[],
): BlobLimit {
  return {
    maxBytes: MAX_FILE_BYTES,
    onTooLarge: (index) => {
      const entry = entries[index];
      if (entry) problems.push(refusal(entry.path, 'too-large'));
    },
  };
}

/** Why these bytes are not a record's text, or undefined when they may be. */
export function checkBytes(bytes: Uint8Array): Refusal | undefined {
  if (bytes.length > MAX_FILE_BYTES) return 'too-large';
  if (looksLikeUtf16(bytes)) return 'utf-16';
  if (bytes.indexOf(0) !== -1) return 'binary';
  // Decoding would turn each foreign byte into U+FFFD silently: "Café" would read "Caf\uFFFD".
  if (!isUtf8(bytes)) return 'not-utf8';
  return undefined;
}

/** A UTF-16 byte-order mark, or ASCII text with a NUL after (or before) every character. */
function looksLikeUtf16(bytes: Uint8Array): boolean {
  if (
    bytes.length >= 2 &&
    ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
  )
    return true;
  const sample = Math.min(bytes.length - (bytes.length % 2), 64);
  if (sample < 4) return false;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < sample; i++) {
    if (bytes[i] !== 0) continue;
    if (i % 2 === 0) even++;
    else odd++;
  }
  return even === sample / 2 || odd === sample / 2;
}
