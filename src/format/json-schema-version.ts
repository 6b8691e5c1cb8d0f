/**
 * The `schema` number every `--format json` document of the read commands carries (README
 * "JSON output"). Raised when a key is renamed or removed; adding a key keeps it.
 */
export const JSON_SCHEMA = 2;
