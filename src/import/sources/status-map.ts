/**
 * Each source's statuses, named as the default lifecycle names them. `--map-status FROM=TO`
 * overrides or adds to these; the plan then checks the result against the configured lifecycle.
 */
export type StatusMap = ReadonlyMap<string, string | null>;

/** The source's status as the repository should hold it; null for "still open". */
export function mapStatus(
  defaults: Readonly<Record<string, string | null>>,
  overrides: StatusMap,
  raw: string,
): { status: string | null } | undefined {
  const key = raw.trim().toLowerCase();
  if (overrides.has(key)) return { status: overrides.get(key) ?? null };
  return Object.hasOwn(defaults, key) ? { status: defaults[key] ?? null } : undefined;
}

/** A source's status the importer leaves open, with a note saying so. */
export function unknownStatus(raw: string): string {
  return `status "${raw}" has no match in the lifecycle: imported as open (map it with --map-status "${raw.toLowerCase()}=STATUS")`;
}
