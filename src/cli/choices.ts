/**
 * Closed lists of flag values that a spec gives commander and its command takes as a type. They
 * live here, not in the commands, so the command table loads without any command's code.
 */

export const LIST_SORTS = ['date', 'id', 'votes'] as const;
export const LIST_FORMATS = ['table', 'json', 'csv', 'md'] as const;
export const EXPORT_FORMATS = ['json', 'csv'] as const;
