/** What the readers refuse to read, and how they say so: one rule, one wording everywhere. */
import type { Problem } from '../model/types.js';

/** Records are small; anything larger is a mistake or an attack, and is reported, not read. */
export const MAX_FILE_BYTES = 1024 * 1024;

export type Refusal = 'symlink' | 'too-large' | 'binary';

const MESSAGES: Record<Refusal, string> = {
  symlink:
    'symbolic links are not followed in an ideas repository: replace the link with the file itself',
  'too-large': `the file is over ${MAX_FILE_BYTES / 1024} KiB: records are short; cut it down`,
  binary: 'the file is binary (it holds NUL bytes): records are UTF-8 Markdown',
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

/** Why these bytes are not a record's text, or undefined when they may be. */
export function checkBytes(bytes: Uint8Array): Refusal | undefined {
  if (bytes.length > MAX_FILE_BYTES) return 'too-large';
  if (bytes.indexOf(0) !== -1) return 'binary';
  return undefined;
}
