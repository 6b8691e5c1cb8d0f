/**
 * The caches trust an answer only from the build that stored it. A build is named by its
 * sources, its build script and the lock file: a newer YAML or zod bundled from the same
 * sources could parse a file otherwise, so it must not be served an older build's parses.
 */
import { execFileSync } from 'node:child_process';
import {
  cpSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const repo = join(import.meta.dirname, '..');
const copy = mkdtempSync(join(tmpdir(), 'ideas-build-id-'));
afterAll(() => rmSync(copy, { recursive: true, force: true }));

for (const part of ['src', 'scripts', 'package.json', 'package-lock.json', 'tsconfig.json'])
  cpSync(join(repo, part), join(copy, part), { recursive: true });
symlinkSync(join(repo, 'node_modules'), join(copy, 'node_modules'));

/** Builds the copy and returns the build id its bundle carries. */
function buildIdOfCopy(): string {
  execFileSync(process.execPath, [join(copy, 'scripts', 'build.mjs')], {
    cwd: copy,
    stdio: 'pipe',
  });
  const ids = new Set<string>();
  const visit = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) visit(path);
      else if (entry.name.endsWith('.js'))
        for (const match of readFileSync(path, 'utf8').matchAll(/"\d+\.\d+\.\d+-([0-9a-f]{16})"/g))
          ids.add(match[1] ?? '');
    }
  };
  visit(join(copy, 'dist'));
  expect(ids.size).toBe(1);
  return [...ids][0] ?? '';
}

describe('the build id', () => {
  it('changes with the lock file and the build script, not only with the sources', () => {
    const first = buildIdOfCopy();
    expect(buildIdOfCopy()).toBe(first);

    const lock = join(copy, 'package-lock.json');
    writeFileSync(
      lock,
      readFileSync(lock, 'utf8').replace('"lockfileVersion"', '"lockfileVersion" '),
    );
    const afterLock = buildIdOfCopy();
    expect(afterLock).not.toBe(first);

    const script = join(copy, 'scripts', 'build.mjs');
    writeFileSync(script, `${readFileSync(script, 'utf8')}\n// another transform\n`);
    expect(buildIdOfCopy()).not.toBe(afterLock);
  }, 120_000);
});
