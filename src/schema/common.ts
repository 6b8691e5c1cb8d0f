import { z } from 'zod';
import { HANDLE_PATTERN, ID_PATTERN, isRealDate, normaliseTag } from './patterns.js';
import { shortName } from './short-names.js';

export { HANDLE_PATTERN, ID_PATTERN, isRealDate, normaliseTag };

export const ideaId = shortName(
  z.string().regex(ID_PATTERN, {
    error: 'must be 3 to 16 lowercase letters and digits, starting with a letter',
  }),
);

export const handle = shortName(
  z.string().regex(HANDLE_PATTERN, {
    error: 'must be a handle: letters, digits, ".", "_" or "-", at most 64',
  }),
);

export const ISO_DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

export const isoDate = shortName(
  z
    .string({ error: 'must be a date written YYYY-MM-DD' })
    .regex(ISO_DATE_PATTERN, { error: 'must be a date written YYYY-MM-DD', abort: true })
    .refine(isRealDate, { error: 'is not a real calendar date' }),
);

/** A YAML list, or a single value that reads as a list of one (`tags: ops`). */
export function listOf<T extends z.ZodType>(item: T) {
  return z.preprocess((value) => (typeof value === 'string' ? [value] : value), z.array(item));
}

export const CONTROL_CHARACTERS =
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/;

/** Short text of one line, as in a tag or a customer's name: no control or bidi characters. */
export function plainText(max: number) {
  return z
    .string({ error: 'must be text' })
    .min(1, { error: 'must not be empty' })
    .max(max, { error: `must be at most ${max} characters` })
    .refine((text) => !CONTROL_CHARACTERS.test(text), {
      error:
        'holds a line break, a control character or an invisible or bidirectional mark: write plain text',
    });
}
