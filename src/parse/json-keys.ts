/**
 * JSON the user hands in (`new --from-json`, `import json`): where it holds a `__proto__` key.
 * JSON.parse keeps such a key as an own property, but the schemas that check the document build
 * fresh objects and drop it without a word, so an estimate or a section named so would vanish.
 */

/** The path of the first `__proto__` key (`estimates.__proto__`), or undefined. */
export function findProtoKey(
  value: unknown,
  path: readonly (string | number)[] = [],
): string | undefined {
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = findProtoKey(item, [...path, index]);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  for (const key of Object.keys(value)) {
    if (key === '__proto__') return jsonPath([...path, key]);
    const found = findProtoKey((value as Record<string, unknown>)[key], [...path, key]);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** `ideas[3].estimates.reach`: a path in a JSON document as a reader writes it. */
export function jsonPath(path: readonly PropertyKey[]): string {
  return path
    .map((part, index) =>
      typeof part === 'number' ? `[${part}]` : `${index === 0 ? '' : '.'}${String(part)}`,
    )
    .join('');
}
