/**
 * Parses kept between runs, keyed by git blob id (SPEC §8): a file whose content git already
 * knows is parsed once, not on every run. Stored in the git directory, where nothing is
 * committed and nothing else looks; written atomically; any doubt (another version of ideas,
 * an unreadable file) means starting empty. `IDEAS_NO_CACHE=1` turns it off.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { deserialize, serialize } from 'node:v8';
import { join } from 'node:path';
import type { RecordKind, SourceFile } from '../model/types.js';
import { parseSource, type ParsedSource } from '../parse/records.js';
import { recordKindOf } from '../model/layout.js';
import { names } from '../parse/string-pool.js';
import { recordNameFields } from '../schema/records.js';
import type { GitDir } from '../git/git-process.js';
import { writeBufferAtomic } from '../write/atomic.js';
import { buildId, cacheFolder, cachingEnabled } from '../cache/location.js';

export class ParseCache {
  private readonly used = new Map<string, ParsedSource>();
  private added = 0;

  constructor(
    private readonly file: string | undefined,
    private readonly known: Map<string, ParsedSource>,
  ) {}

  /** The parse of a blob as a record of `kind`: from the cache, or parsed now and remembered. */
  parse(blobId: string, kind: RecordKind, text: () => string): ParsedSource {
    const key = `${blobId}:${kind}`;
    let parsed = this.known.get(key);
    if (!parsed) {
      parsed = parseSource(text(), kind);
      this.added++;
    }
    this.used.set(key, parsed);
    return parsed;
  }

  /** The cached parse of a blob as a record of `kind`, if any, counted as used by this run. */
  cached(blobId: string, kind: RecordKind | undefined): ParsedSource | undefined {
    if (kind === undefined) return undefined;
    const key = `${blobId}:${kind}`;
    const parsed = this.known.get(key);
    if (parsed) this.used.set(key, parsed);
    return parsed;
  }

  /** Keeps what this run used, so the cache follows the repository instead of growing forever. */
  save(): void {
    if (!this.file || (this.added === 0 && this.used.size === this.known.size)) return;
    try {
      mkdirSync(join(this.file, '..'), { recursive: true });
      writeBufferAtomic(this.file, serialize({ build: buildId(), entries: this.used }));
    } catch {
      // A cache that cannot be written only costs time.
    }
  }
}

/**
 * The cache of the git repository holding `root`; none outside git or when off (`cache:
 * false` is `--no-cache`): then every file is parsed directly, with no bookkeeping.
 */
export function openParseCache(dir: GitDir, cache?: boolean): ParseCache | undefined {
  const build = buildId();
  const folder = build && cachingEnabled(dir, cache) ? cacheFolder(dir) : undefined;
  if (!folder) return undefined;
  const file = join(folder, 'parse-cache.v8');
  try {
    const stored = deserialize(readFileSync(file)) as {
      build?: string;
      entries?: Map<string, ParsedSource>;
    };
    if (stored.build === build && stored.entries instanceof Map) {
      // Deserialised, each name is a copy of its own: share them as a fresh parse does.
      for (const parsed of stored.entries.values()) {
        if (parsed.fields) names.fields(parsed.fields, recordNameFields[parsed.kind]);
        if (parsed.partial) names.fields(parsed.partial.fields, recordNameFields[parsed.kind]);
      }
      return new ParseCache(file, stored.entries);
    }
  } catch {
    // Missing or unreadable: start empty.
  }
  return new ParseCache(file, new Map());
}

/**
 * A source file with its parse attached through the cache, when it is a record with a blob id.
 * `text` gives the content when the cache lacks it, so a cached blob is never even decoded.
 */
export function withParse(
  file: SourceFile,
  blobId: string | undefined,
  cache: ParseCache | undefined,
  kind: RecordKind | undefined = recordKindOf(file.path),
  text: () => string = () => file.text,
): SourceFile {
  if (!kind) return file.text === '' ? { path: file.path, text: text() } : file;
  if (!cache || !blobId) {
    const content = text();
    return { path: file.path, text: content, parsed: parseSource(content, kind) };
  }
  return { path: file.path, text: '', parsed: cache.parse(blobId, kind, text) };
}
