/** Finds the ideas repository: the nearest folder upwards holding ideas.config.yaml. */
import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { CONFIG_FILE } from '../model/layout.js';
import { UsageError } from '../errors.js';

export function findRoot(cwd: string, explicit?: string): string {
  if (explicit !== undefined) {
    const root = resolve(cwd, explicit);
    if (!existsSync(root) || !statSync(root).isDirectory()) {
      throw new UsageError(
        `--root ${explicit}: ${root} ${existsSync(root) ? 'is not a folder' : 'does not exist'}`,
        'pass the folder that holds ideas.config.yaml',
      );
    }
    if (!existsSync(join(root, CONFIG_FILE))) {
      throw new UsageError(
        `${root} is not an ideas repository: it has no ${CONFIG_FILE}`,
        `run "ideas init ${explicit}" to make one`,
      );
    }
    return root;
  }
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    const candidate = join(dir, CONFIG_FILE);
    if (existsSync(candidate) && statSync(candidate).isFile()) return dir;
    if (dirname(dir) === dir) break;
  }
  throw new UsageError(
    `not inside an ideas repository: no ${CONFIG_FILE} in ${resolve(cwd)} or any folder above it`,
    'run "ideas init" to start one here, pass --root DIR, or try "ideas demo" to see one',
  );
}
