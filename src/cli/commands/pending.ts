/** `ideas pending`: what open pull requests would add, read from remote branches without a checkout. */
import { ExitCode, UsageError } from '../../errors.js';
import { formatPending, type PendingRecord } from '../../format/pending.js';
import { readBlobs } from '../../git/git-process.js';
import {
  assertFullHistory,
  isAncestor,
  mergeBase,
  readChanges,
  remoteBranches,
  resolveBase,
} from '../../git/diff.js';
import {
  findDefaultBranch,
  fromGitPath,
  requireRootPrefix,
  shortRefName,
} from '../../git/locate.js';
import { placeFile, recordKindOf } from '../../model/layout.js';
import { parseRecords } from '../../parse/records.js';
import { openParseCache, withParse } from '../../read/parse-cache.js';
import { checkBytes } from '../../read/limits.js';
import { startProgress } from '../progress.js';
import { rootOf } from '../repository.js';
import type { CommandHandler } from '../spec.js';
import type { ReadFlags } from '../options.js';

export interface PendingOptions extends Pick<ReadFlags, 'cache'> {
  root: string | undefined;
  base: string | undefined;
  format: 'table' | 'json';
}

export const run: CommandHandler<PendingOptions> = async (ctx, _args, options) => {
  const root = rootOf(ctx, options);
  const dir = ctx.git(root);
  // Remote branches are git's: outside git there is nothing to compare (exit 3, as git failing).
  const prefix = requireRootPrefix(
    dir,
    'ideas pending reads remote branches: run it in a clone of the ideas repository',
  );
  const remoteDefault = findDefaultBranch(dir, { remoteOnly: true });
  const base = options.base ?? (remoteDefault ? shortRefName(remoteDefault) : undefined);
  if (base === undefined)
    throw new UsageError(
      'cannot tell the default branch: there is no origin/HEAD, origin/main or origin/master',
      'pass it with --base, e.g. --base origin/develop, or run "git remote set-head origin --auto"',
    );
  const progress = startProgress(ctx);
  progress.phase('reading remote branches');
  assertFullHistory(dir);
  const baseCommit = resolveBase(dir, base);
  // Branches share most blobs with each other and with the next run: parsed once, by blob id.
  const cache = openParseCache(dir, options.cache);
  const records: PendingRecord[] = [];
  for (const branch of remoteBranches(dir)) {
    if (branch.name === base || isAncestor(dir, branch.commit, baseCommit)) continue;
    const from = mergeBase(dir, baseCommit, branch.commit);
    const found: { record: PendingRecord; blob?: string }[] = [];
    for (const change of readChanges(dir, from, branch.commit)) {
      const path = fromGitPath(prefix, change.path);
      if (path === undefined) continue;
      const placed = placeFile(path);
      if (placed.kind !== 'idea' && placed.kind !== 'vote' && placed.kind !== 'decision') continue;
      const record: PendingRecord = {
        branch: branch.name,
        commit: branch.commit,
        change: change.status,
        kind: placed.kind,
        path,
        id: placed.id ?? '',
        ...(placed.kind === 'vote' && placed.voter ? { voter: placed.voter } : {}),
      };
      // Links and submodules are not records; their targets are never read.
      const readable = change.status !== 'deleted' && change.newMode.startsWith('100');
      found.push(readable ? { record, blob: change.newId } : { record });
    }
    const blobs = await readBlobs(
      dir,
      found.flatMap((f) => (f.blob ? [f.blob] : [])),
    );
    let at = 0;
    const sources = found.flatMap((f) => {
      if (!f.blob) return [];
      const bytes = blobs[at++] ?? Buffer.alloc(0);
      if (checkBytes(bytes) !== undefined) return [];
      const file = { path: f.record.path, text: '' };
      return [
        withParse(file, f.blob, cache, recordKindOf(file.path), () => bytes.toString('utf8')),
      ];
    });
    const parsed = parseRecords(sources);
    for (const { record } of found) {
      const idea = parsed.ideas.find((i) => i.path === record.path);
      const vote = parsed.votes.find((v) => v.path === record.path);
      const decision = parsed.decisions.find((d) => d.path === record.path);
      if (idea) Object.assign(record, { id: idea.id, title: idea.title, authors: idea.authors });
      if (vote) Object.assign(record, { id: vote.idea, voter: vote.voter, points: vote.points });
      if (decision)
        Object.assign(record, {
          id: decision.idea,
          status: decision.status,
          reviewers: decision.reviewers,
        });
      records.push(record);
    }
  }
  cache?.save();
  progress.done();
  ctx.out(formatPending(options.format, { base, records }, { color: ctx.color }));
  return ExitCode.ok;
};
