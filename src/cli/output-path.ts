/**
 * Where `--out` may write: never over the repository's own files. `report --out
 * ideas.config.yaml` (a slip of the shell's completion) replaced the config with a report, and
 * `--out ideas/…` would drop a file where records live.
 */
import { isAbsolute, join, relative, sep } from 'node:path';
import { UsageError } from '../errors.js';
import { CONFIG_FILE, RECORD_FOLDERS, TEMPLATE_PATH } from '../model/layout.js';

/** The folders that hold the repository's own files, from its root. */
export const REPOSITORY_FOLDERS: readonly string[] = [
  ...RECORD_FOLDERS,
  TEMPLATE_PATH.split('/')[0] ?? 'templates',
  '.git',
];

/** Whether `child` is `parent` or inside it. */
export function isInside(parent: string, child: string): boolean {
  const rel = relative(parent, child);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

/** Refuses an output file (`report --out`, `roadmap --out`) that is one of the repository's own. */
export function refuseRepositoryFile(root: string, target: string): void {
  const hint = 'write it outside the records, e.g. --out report.html';
  if (target === join(root, CONFIG_FILE))
    throw new UsageError(`--out ${target} is the repository's ${CONFIG_FILE}`, hint);
  for (const folder of REPOSITORY_FOLDERS)
    if (isInside(join(root, folder), target))
      throw new UsageError(
        `--out ${target} is inside ${folder}/, where the repository keeps its own files`,
        hint,
      );
}
