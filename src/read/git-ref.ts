/** Reads the records as they stand at a git ref, without a checkout: one ls-tree, one cat-file. */
import { realpathSync } from 'node:fs';
import { relative, sep } from 'node:path';
import { CONFIG_FILE } from '../parse/config.js';
import { RECORD_FOLDERS, TEMPLATE_PATH } from '../parse/layout.js';
import type { Problem, RecordKind, SourceFile } from '../model/types.js';
import { git, readBlobs, resolveCommit } from '../git/git-process.js';
import { MAX_FILE_BYTES, hasNulByte } from './limits.js';
import type { RawTree } from './working-tree.js';
import { withParse, type ParseCache } from './parse-cache.js';
import { recordKindOf } from '../parse/records.js';

export async function readGitRef(root: string, ref: string, cache?: ParseCache): Promise<RawTree> {
  const commit = resolveCommit(root, ref);
  const top = git(root, ['rev-parse', '--show-toplevel']).trim();
  // The ideas root may be a subfolder of a larger repository.
  const prefix = relative(realpathSync(top), realpathSync(root)).split(sep).join('/');
  const full = (path: string) => (prefix ? `${prefix}/${path}` : path);
  const wanted = [...RECORD_FOLDERS, TEMPLATE_PATH, CONFIG_FILE].map(full);
  const listing = git(root, ['ls-tree', '-r', '-z', '-l', '--full-tree', commit, '--', ...wanted]);

  const problems: Problem[] = [];
  const refuse = (path: string, message: string) =>
    problems.push({
      rule: 'repo/unreadable-file',
      severity: 'error',
      file: path,
      line: 1,
      column: 1,
      message,
    });
  const toRead: { path: string; id: string; kind: RecordKind | undefined }[] = [];
  for (const entry of listing.split('\0')) {
    if (!entry) continue;
    const tab = entry.indexOf('\t');
    const [mode, type, id, size] = entry.slice(0, tab).split(/ +/);
    const path = entry.slice(tab + 1).slice(prefix ? prefix.length + 1 : 0);
    if (mode === '120000')
      refuse(
        path,
        'symbolic links are not followed in an ideas repository: replace the link with the file itself',
      );
    else if (type !== 'blob' || !id)
      continue; // a submodule holds no records
    else if (Number(size) > MAX_FILE_BYTES)
      refuse(path, `the file is over ${MAX_FILE_BYTES / 1024} KiB: records are short; cut it down`);
    else toRead.push({ path, id, kind: recordKindOf(path) });
  }

  // Blobs whose parse is cached need not be read at all.
  const cached = toRead.filter((entry) => cache?.has(entry.id, entry.kind));
  const uncached = toRead.filter((entry) => !cache?.has(entry.id, entry.kind));
  const blobs = await readBlobs(
    root,
    uncached.map((entry) => entry.id),
  );
  const files: SourceFile[] = [];
  let configText: string | undefined;
  let templateText: string | undefined;
  uncached.forEach(({ path, id, kind }, index) => {
    const bytes = blobs[index] ?? Buffer.alloc(0);
    if (hasNulByte(bytes))
      return refuse(path, 'the file is binary (it holds NUL bytes): records are UTF-8 Markdown');
    const text = bytes.toString('utf8');
    if (path === CONFIG_FILE) configText = text;
    else if (path === TEMPLATE_PATH) templateText = text;
    else files.push(withParse({ path, text }, id, cache, kind));
  });
  for (const { path, id, kind } of cached)
    files.push(withParse({ path, text: '' }, id, cache, kind));
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { files, problems, configText, templateText };
}
