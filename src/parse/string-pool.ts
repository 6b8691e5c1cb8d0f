/**
 * One copy of each short text a repository repeats: voter handles, idea ids, dates, statuses,
 * teams, tags. A vote names its idea, its voter (twice: file name and front matter) and a day;
 * 100,000 votes made 500,000 strings of a few hundred distinct values. Swapping each for the
 * pool's copy changes no value, only how many copies stay alive with the repository. The swap
 * happens as each file is parsed: a copy that lived until the whole repository was assembled
 * reached the old generation first, and cost a full collection to free.
 */
import type { Placement, RecordKind } from '../model/types.js';
import type { NameFields } from '../schema/short-names.js';

/** Longer texts are titles and bodies: unique, so pooling them would only cost. */
const MAX_POOLED = 64;
/** A process that reads many repositories (the tests) starts over rather than grow forever. */
const MAX_ENTRIES = 500_000;

export class StringPool {
  private readonly strings = new Map<string, string>();

  /** The pool's copy of `text`, which becomes the copy when it is the first. */
  string(text: string): string {
    if (text.length > MAX_POOLED) return text;
    const known = this.strings.get(text);
    if (known !== undefined) return known;
    if (this.strings.size >= MAX_ENTRIES) this.strings.clear();
    this.strings.set(text, text);
    return text;
  }

  /**
   * The placement with its names swapped for the pool's copies, in place (it is fresh). The
   * record's `fields` (pooled already) nearly always repeat them: a comparison there spares a
   * look-up (hashing a fresh string), two of five per vote.
   */
  place(
    placement: Extract<Placement, { kind: RecordKind }>,
    fields?: Readonly<Record<string, unknown>>,
  ): void {
    const pooled = (text: string, field: string) => {
      const same = fields?.[field];
      return same === text ? same : this.string(text);
    };
    if (placement.id !== undefined)
      placement.id = pooled(placement.id, placement.kind === 'idea' ? 'id' : 'idea');
    if (placement.voter !== undefined) placement.voter = pooled(placement.voter, 'voter');
    if (placement.date !== undefined) placement.date = pooled(placement.date, 'date');
    if (placement.status !== undefined) placement.status = pooled(placement.status, 'status');
  }

  /**
   * A record's fields with their names swapped for the pool's copies, in place: the values
   * stay equal, so a parse shared with the cache is still the parse it was.
   */
  fields(fields: Record<string, unknown>, { names, lists }: NameFields): Record<string, unknown> {
    for (const key of names) {
      const value = fields[key];
      if (typeof value === 'string') fields[key] = this.string(value);
    }
    for (const key of lists) {
      const list = fields[key];
      if (!Array.isArray(list)) continue;
      for (let i = 0; i < list.length; i++) {
        const item: unknown = list[i];
        if (typeof item === 'string') list[i] = this.string(item);
      }
    }
    return fields;
  }
}

/** The pool every parse shares: the same names recur across files, parses and repositories. */
export const names = new StringPool();
