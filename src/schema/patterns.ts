/**
 * The shapes of ids and handles, with no dependency: the site's browser script checks them
 * too, and must not bring zod along (it would weigh ten times the rest of the script).
 */

/** Ids are short, lowercase, start with a letter: an all-digit id would read as a YAML number. */
export const ID_PATTERN = /^[a-z][a-z0-9]{2,15}$/;
/** Handles of people and teams, and campaign keys: what fits in a file name on every system. */
export const HANDLE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
