import { z } from 'zod';

/** Ids are short, lowercase, start with a letter: an all-digit id would read as a YAML number. */
export const ID_PATTERN = /^[a-z][a-z0-9]{2,15}$/;
/** Handles of people and teams, and campaign keys: what fits in a file name on every system. */
export const HANDLE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

export const ideaId = z.string().regex(ID_PATTERN, {
  error: 'must be 3 to 16 lowercase letters and digits, starting with a letter',
});

export const handle = z.string().regex(HANDLE_PATTERN, {
  error: 'must be a handle: letters, digits, ".", "_" or "-", at most 64',
});

export const isoDate = z
  .string({ error: 'must be a date written YYYY-MM-DD' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'must be a date written YYYY-MM-DD' })
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && isRealDate(value), {
    error: 'is not a real calendar date',
  });

function isRealDate(value: string): boolean {
  return new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) === value;
}

/** A YAML list, or a single value that reads as a list of one (`tags: ops`). */
export function listOf<T extends z.ZodType>(item: T) {
  return z.preprocess((value) => (typeof value === 'string' ? [value] : value), z.array(item));
}
