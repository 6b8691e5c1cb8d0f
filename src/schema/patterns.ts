/**
 * The shapes of ids, handles, tags and dates, with no dependency: the site's browser script
 * checks them too, and must not bring zod along (it would weigh ten times the rest of the
 * script); nor must the CLI's start-up, which checks IDEAS_TODAY before any command runs.
 */

/** Ids are short, lowercase, start with a letter: an all-digit id would read as a YAML number. */
export const ID_PATTERN = /^[a-z][a-z0-9]{2,15}$/;
/** Handles of people and teams, and campaign keys: what fits in a file name on every system. */
export const HANDLE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** `YYYY-MM-DD` names a day that exists (no 2026-02-30), checked without building a Date. */
export function isRealDate(value: string): boolean {
  const year = Number(value.slice(0, 4));
  const month = Number(value.slice(5, 7));
  const day = Number(value.slice(8, 10));
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 && !leap ? 28 : (DAYS_IN_MONTH[month - 1] ?? 0));
}

/**
 * A tag as it is stored and compared: Unicode NFC, lower case, trimmed, inner runs of
 * white space made one space. `Same  Day ` and `same day` are one tag.
 */
export function normaliseTag(tag: string): string {
  return tag.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
}
