/** Records are small; anything larger is a mistake or an attack, and is reported, not read. */
export const MAX_FILE_BYTES = 1024 * 1024;

export function hasNulByte(bytes: Uint8Array): boolean {
  return bytes.indexOf(0) !== -1;
}
