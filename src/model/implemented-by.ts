/**
 * What an `implemented_by` entry names: a link (http or https only: no `javascript:` or
 * `file:` reaches a report), or a commit id or tag of this repository. Pure: whether a
 * revision exists is asked of git at the edge.
 */
export type Implementation =
  | { kind: 'url'; url: string }
  | { kind: 'revision'; revision: string }
  | { kind: 'invalid'; reason: string };

// A commit id, or a tag as people name them: no "..", "@{", ":" or leading "-", so git reads a name.
const REVISION = /^(?![-./])(?!.*\.\.)(?!.*@\{)[A-Za-z0-9][A-Za-z0-9._/+-]{0,199}$/;

export function readImplementation(entry: string): Implementation {
  const text = entry.trim();
  if (/^[a-z][a-z0-9+.-]*:/i.test(text)) {
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      return { kind: 'invalid', reason: 'is not a valid URL' };
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:')
      return { kind: 'invalid', reason: `is a ${url.protocol} link: only http(s) links are kept` };
    return { kind: 'url', url: url.href };
  }
  if (!REVISION.test(text) || text.endsWith('.lock') || text.endsWith('/'))
    return {
      kind: 'invalid',
      reason: 'is neither an http(s) link nor a commit id or tag name',
    };
  return { kind: 'revision', revision: text };
}

/** Every revision the decisions name, for the edge to look up in one git call. */
export function namedRevisions(decisions: readonly { implemented_by: readonly string[] }[]) {
  const revisions = new Set<string>();
  for (const d of decisions)
    for (const entry of d.implemented_by) {
      const read = readImplementation(entry);
      if (read.kind === 'revision') revisions.add(read.revision);
    }
  return revisions;
}
