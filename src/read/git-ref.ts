/** Reads the records as they stand at a git ref, without a checkout: one ls-tree, one cat-file. */
import { CONFIG_FILE, RECORD_FOLDERS, TEMPLATE_PATH, recordKindOf } from '../model/layout.js';
import type { Problem, RecordKind, SourceFile } from '../model/types.js';
import {
  fetchMissingBlobs,
  gitOutput,
  resolveCommit,
  streamBlobs,
  type GitDir,
} from '../git/git-process.js';
import { requireRootPrefix, toGitPath } from '../git/locate.js';
import { checkBytes, refusal, tooLargeRefused } from './limits.js';
import type { RawTree } from './working-tree.js';
import { withParse, type ParseCache } from './parse-cache.js';

/**
 * `select`, when given, limits the records read to the paths it accepts (config and template
 * are always read); `scope`, to the pathspecs that hold them, so git lists no more.
 */
export async function readGitRef(
  dir: GitDir,
  ref: string,
  openCache?: () => ParseCache | undefined,
  select?: (path: string) => boolean,
  scope?: readonly string[],
): Promise<RawTree> {
  const commit = resolveCommit(dir, ref);
  // The ideas root may be a subfolder of a larger repository.
  const prefix = requireRootPrefix(
    dir,
    'leave out --ref to read the files as they are, or run git init',
  );
  const wanted = [...(scope ?? RECORD_FOLDERS), TEMPLATE_PATH, CONFIG_FILE].map((path) =>
    toGitPath(prefix, path),
  );
  const listing = gitOutput(dir, [
    'ls-tree',
    '-r',
    '-z',
    // No -l: sizes would make a partial clone fetch every blob one by one; the size limit is
    // applied as the blobs stream instead.
    '--full-tree',
    commit,
    '--',
    ...wanted,
  ]);

  const problems: Problem[] = [];
  const unread: string[] = [];
  const toRead: { path: string; id: string; kind: RecordKind | undefined }[] = [];
  // Each entry is `<mode> <type> <id>\t<path>\0`, read by position: a split of every entry
  // into fields made four strings and an array per file, 115,000 times at 10,000 ideas.
  const skip = prefix ? prefix.length + 1 : 0;
  for (let at = 0; at < listing.length;) {
    let end = listing.indexOf('\0', at);
    if (end === -1) end = listing.length;
    const tab = listing.indexOf('\t', at);
    const typeAt = listing.indexOf(' ', at) + 1;
    const idAt = listing.indexOf(' ', typeAt) + 1;
    const entry = at;
    at = end + 1;
    if (tab === -1 || tab > end || typeAt === 0 || idAt === 0 || idAt > tab) continue;
    const path = listing.slice(tab + 1 + skip, end);
    if (select && path !== CONFIG_FILE && path !== TEMPLATE_PATH && !select(path)) {
      unread.push(path);
      continue;
    }
    if (listing.startsWith('120000 ', entry)) problems.push(refusal(path, 'symlink'));
    else if (!listing.startsWith('blob ', typeAt) || idAt === tab)
      continue; // a submodule holds no records
    else toRead.push({ path, id: listing.slice(idAt, tab), kind: recordKindOf(path) });
  }

  // Blobs whose parse is cached need not be read at all.
  const cache = openCache?.();
  const uncached: typeof toRead = [];
  const files: SourceFile[] = [];
  for (const entry of toRead) {
    const parsed = cache?.cached(entry.id, entry.kind, entry.path);
    if (parsed) files.push({ path: entry.path, text: '', parsed });
    else uncached.push(entry);
  }
  let configText: string | undefined;
  let templateText: string | undefined;
  // Each blob is parsed as it arrives, while git streams the rest. At a ref any blob may be
  // missing from a partial clone: those come in one fetch first.
  const ids = uncached.map((entry) => entry.id);
  fetchMissingBlobs(dir, ids);
  await streamBlobs(
    dir,
    ids,
    (index, bytes) => {
      const entry = uncached[index];
      if (!entry) return;
      const refused = checkBytes(bytes);
      if (refused) return void problems.push(refusal(entry.path, refused));
      const text = () => bytes.toString('utf8');
      if (entry.path === CONFIG_FILE) configText = text();
      else if (entry.path === TEMPLATE_PATH) templateText = text();
      else files.push(withParse({ path: entry.path, text: '' }, entry.id, cache, entry.kind, text));
    },
    tooLargeRefused(uncached, problems),
  );
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { files, problems, configText, templateText, ...(select ? { unread } : {}) };
}
