/** Files shipped inside the package (templates, schemas), found from the running code. */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Our name on the npm registry: `ideas` there is somebody else's package. */
export const PACKAGE_NAME = 'git-ideas';

let packageRoot: string | undefined;

/** The folder holding our package.json: the same from the bundle in dist/ and from src/ under test. */
export function findPackageRoot(): string {
  if (packageRoot) return packageRoot;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (
      existsSync(manifest) &&
      (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === PACKAGE_NAME
    ) {
      return (packageRoot = dir);
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error('cannot find the ideas package root');
    dir = parent;
  }
}

export function readPackageFile(...segments: string[]): string {
  return readFileSync(join(findPackageRoot(), ...segments), 'utf8');
}

export function packageVersion(): string {
  return (JSON.parse(readPackageFile('package.json')) as { version: string }).version;
}

/** What to install from npm to get exactly this CLI: `git-ideas@0.1.0`. */
export function packageSpec(): string {
  return `${PACKAGE_NAME}@${packageVersion()}`;
}
