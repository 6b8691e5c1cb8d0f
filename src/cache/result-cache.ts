/**
 * The whole-result cache: what a read command printed, kept under a key naming everything the
 * answer depends on, so an unchanged repository answers from one small file instead of being
 * read, parsed and checked again. One file per key and build in
 * `<git-common-dir>/ideas/results/`, and in `names/` the other names of an answer; each
 * written atomically (temporary file, then rename), carrying its own key, build id and a
 * SHA-256 of its contents. Anything in doubt (truncated, corrupt, another build's, another
 * key's, unreadable) is a miss, never an answer: the command runs and writes it afresh.
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { writeBufferAtomic } from '../write/atomic.js';

/** What a command prints and exits with: the value the cache keeps. */
export interface Answer {
  out: string;
  err: string;
  code: number;
  /**
   * Revisions (commits, tags) the answer looked up in git and which of them existed: the
   * object store is not part of the key, so a cached answer is only used while they still do.
   */
  revisions?: { named: string[]; existing: string[] | null };
}

const MAGIC = Buffer.from('ideas-result-cache 1\n');
const DIGEST_BYTES = 32;
/** Answers kept at once: enough for a few branches and commands, small enough to forget. */
const KEEP = 32;

export function keyOf(parts: readonly unknown[]): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex');
}

export class ResultCache {
  /**
   * `links`: where other names of an answer are kept (the working tree's quick name, pointing
   * at its name by blob ids), so one answer is one file whatever it is found by.
   */
  constructor(
    private readonly folder: string,
    private readonly build: string,
    private readonly links?: string,
  ) {}

  /** The answer stored under `key` or linked from it, or undefined when there is none or it is in any doubt. */
  get(key: string): Answer | undefined {
    const answer = answerIn(this.read(this.fileOf(this.folder, key)), key, this.build);
    if (answer || !this.links) return answer;
    const target = targetIn(this.read(this.fileOf(this.links, key)), key, this.build);
    return target === undefined
      ? undefined
      : answerIn(this.read(this.fileOf(this.folder, target)), target, this.build);
  }

  /** Keeps `answer` under `key`; a cache that cannot be written only costs time. */
  put(key: string, answer: Answer): void {
    this.write(this.fileOf(this.folder, key), { key, build: this.build, answer });
  }

  /** Makes `from` a name of the answer kept under `to`. */
  link(from: string, to: string): void {
    if (this.links)
      this.write(this.fileOf(this.links, from), { key: from, build: this.build, target: to });
  }

  /**
   * The file of `key` for this build: two builds run in turn (a global install and a
   * project's) would otherwise take each other's file and neither ever hit.
   */
  private fileOf(folder: string, key: string): string {
    return join(folder, `${keyOf([this.build, key])}.v1`);
  }

  /** A file's checked payload, deserialised; undefined when absent, damaged or not ours. */
  private read(file: string): unknown {
    let bytes: Buffer;
    try {
      bytes = readFileSync(file);
    } catch {
      return undefined;
    }
    if (bytes.length < MAGIC.length + DIGEST_BYTES) return undefined;
    if (!bytes.subarray(0, MAGIC.length).equals(MAGIC)) return undefined;
    const digest = bytes.subarray(MAGIC.length, MAGIC.length + DIGEST_BYTES);
    const payload = bytes.subarray(MAGIC.length + DIGEST_BYTES);
    if (!createHash('sha256').update(payload).digest().equals(digest)) return undefined;
    try {
      return deserialize(payload);
    } catch {
      return undefined;
    }
  }

  private write(file: string, stored: unknown): void {
    const payload = serialize(stored);
    const digest = createHash('sha256').update(payload).digest();
    try {
      writeBufferAtomic(file, Buffer.concat([MAGIC, digest, payload]));
      prune(dirname(file));
    } catch {
      // Read-only git directory, full disk: the next run computes the answer again.
    }
  }
}

/** Forgets all but the newest files, so the folder follows the repository instead of growing. */
function prune(folder: string): void {
  const entries = readdirSync(folder)
    .filter((name) => name.endsWith('.v1') && !name.startsWith('.'))
    .map((name) => {
      try {
        return { name, at: statSync(join(folder, name)).mtimeMs };
      } catch {
        return { name, at: 0 };
      }
    });
  if (entries.length <= KEEP) return;
  entries.sort((a, b) => b.at - a.at);
  for (const { name } of entries.slice(KEEP)) rmSync(join(folder, name), { force: true });
}

/** The key a link file names, checked like an answer: its own key and build, a key's shape. */
function targetIn(stored: unknown, key: string, build: string): string | undefined {
  if (!isRecord(stored) || stored.key !== key || stored.build !== build) return undefined;
  const { target } = stored;
  return typeof target === 'string' && /^[0-9a-f]{64}$/.test(target) ? target : undefined;
}

/** The answer inside a deserialised file, checked field by field: never trusted by its shape alone. */
function answerIn(stored: unknown, key: string, build: string): Answer | undefined {
  if (!isRecord(stored) || stored.key !== key || stored.build !== build) return undefined;
  const answer = stored.answer;
  if (!isRecord(answer)) return undefined;
  const { out, err, code, revisions } = answer;
  if (typeof out !== 'string' || typeof err !== 'string') return undefined;
  if (typeof code !== 'number' || !Number.isInteger(code)) return undefined;
  if (revisions === undefined) return { out, err, code };
  if (!isRecord(revisions) || !isStrings(revisions.named)) return undefined;
  const existing = revisions.existing;
  if (existing !== null && !isStrings(existing)) return undefined;
  return { out, err, code, revisions: { named: revisions.named, existing } };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isStrings(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}
