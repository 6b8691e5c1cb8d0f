/**
 * Parses kept between runs, keyed by git blob id (SPEC §8): a file whose content git already
 * knows is parsed once, not on every run. Stored in the git directory, where nothing is
 * committed and nothing else looks; written atomically; any doubt (another version of ideas,
 * an unreadable file) means starting empty. `IDEAS_NO_CACHE=1` turns it off.
 */
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
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

/** Shards per kind: a read of one idea's records loads about 1/32 of each kind's parses. */
const BUCKETS = 32;

/** The entries of one shard file, as loaded; what a run used of it; what it parsed anew. */
interface Shard {
  file: string;
  known: Map<string, ParsedSource>;
  used: Map<string, ParsedSource>;
  added: number;
}

/**
 * The parses of one repository, in shards by kind and by the idea a record belongs to (its
 * folder under votes/ and decisions/, its file name under ideas/), each loaded when a record
 * of it is first asked for: `show` loads the ideas' and decisions' shards, not the 100,000
 * votes'; `vote` and `check` a shard or two of each kind, not every parse of the repository.
 */
export class ParseCache {
  private readonly shards = new Map<string, Shard>();

  /**
   * `folder` holds the shard files; `build` is the build that may read them. `prune`: this run
   * reads every record (a full read), so a shard keeps only what it used; a partial read adds
   * its parses and drops none, so it never empties the cache a full read filled.
   */
  constructor(
    private readonly folder: string,
    private readonly build: string,
    private readonly prune: boolean,
  ) {}

  /** The parse of a blob as a record of `kind` at `path`: from the cache, or parsed now and remembered. */
  parse(blobId: string, kind: RecordKind, text: () => string, path: string): ParsedSource {
    const key = `${blobId}:${kind}`;
    const shard = this.shardOf(kind, path);
    let parsed = shard.known.get(key);
    if (!parsed) {
      parsed = parseSource(text(), kind);
      shard.added++;
    }
    shard.used.set(key, parsed);
    return parsed;
  }

  /** The cached parse of a blob as a record of `kind` at `path`, if any, counted as used by this run. */
  cached(blobId: string, kind: RecordKind | undefined, path: string): ParsedSource | undefined {
    if (kind === undefined) return undefined;
    const key = `${blobId}:${kind}`;
    const shard = this.shardOf(kind, path);
    const parsed = shard.known.get(key);
    if (parsed) shard.used.set(key, parsed);
    return parsed;
  }

  /** Writes the shards that changed: a full read keeps what it used, a partial one adds. */
  save(): void {
    try {
      let made = false;
      for (const shard of this.shards.values()) {
        const kept = this.prune ? shard.used : new Map([...shard.known, ...shard.used]);
        if (shard.added === 0 && kept.size === shard.known.size) continue;
        if (!made) mkdirSync(this.folder, { recursive: true });
        made = true;
        writeBufferAtomic(shard.file, serialize({ build: this.build, entries: kept }));
      }
      // The single file of earlier builds: every parse of the repository in one.
      if (made) rmSync(join(this.folder, '..', 'parse-cache.v8'), { force: true });
    } catch {
      // A cache that cannot be written only costs time.
    }
  }

  private shardOf(kind: RecordKind, path: string): Shard {
    const name = `${kind}-${bucketOf(path)}`;
    let shard = this.shards.get(name);
    if (!shard) {
      const file = join(this.folder, `${name}.v8`);
      shard = { file, known: loadShard(file, this.build), used: new Map(), added: 0 };
      this.shards.set(name, shard);
    }
    return shard;
  }
}

/** The bucket of a record's idea: its second path segment (`votes/<id>/…`, `ideas/<file>`). */
function bucketOf(path: string): number {
  const from = path.indexOf('/') + 1;
  let to = path.indexOf('/', from);
  if (to === -1) to = path.length;
  let hash = 0;
  for (let i = from; i < to; i++) hash = (hash * 31 + path.charCodeAt(i)) | 0;
  return (hash >>> 0) % BUCKETS;
}

/** A shard's parses, or none when it is missing, damaged or another build's. */
function loadShard(file: string, build: string): Map<string, ParsedSource> {
  try {
    const stored = deserialize(readFileSync(file)) as {
      build?: string;
      entries?: Map<string, ParsedSource>;
    };
    if (stored.build !== build || !(stored.entries instanceof Map)) return new Map();
    // Deserialised, each name is a copy of its own: share them as a fresh parse does.
    for (const parsed of stored.entries.values()) {
      if (parsed.fields) names.fields(parsed.fields, recordNameFields[parsed.kind]);
      if (parsed.partial) names.fields(parsed.partial.fields, recordNameFields[parsed.kind]);
    }
    return stored.entries;
  } catch {
    // Missing or unreadable: start empty.
    return new Map();
  }
}

/**
 * The cache of the git repository holding `root`; none outside git or when off (`cache:
 * false` is `--no-cache`): then every file is parsed directly, with no bookkeeping. `prune`:
 * the run reads every record (see ParseCache).
 */
export function openParseCache(
  dir: GitDir,
  cache?: boolean,
  prune = false,
): ParseCache | undefined {
  const build = buildId();
  const folder = build && cachingEnabled(dir, cache) ? cacheFolder(dir) : undefined;
  if (!folder || !build) return undefined;
  return new ParseCache(join(folder, 'parse-cache'), build, prune);
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
  return { path: file.path, text: '', parsed: cache.parse(blobId, kind, text, file.path) };
}
