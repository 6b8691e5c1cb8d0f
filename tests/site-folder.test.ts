/**
 * How `ideas site` writes its folder: a new folder appears whole, under its name only once every
 * file is in it, and a failure part-way leaves nothing behind (neither the folder nor the
 * temporary one it was built in); an earlier run's folder is updated in place.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MANIFEST, STAGING_MARK, writeSite } from '../src/write/site-folder.js';
import { tempDir } from './helpers/repo.js';

const PAGES: [string, string][] = Array.from({ length: 40 }, (_, i) => [
  `ideas/p${i}.html`,
  `<p>page ${i}</p>\n`.repeat(50),
]);

describe('writeSite', () => {
  it('builds a new folder beside its place and renames it in: every file, the manifest', () => {
    const parent = tempDir();
    const out = join(parent, 'deep', 'site');
    const seen: string[][] = [];
    function* files(): Generator<[string, string]> {
      for (const file of [...PAGES, ['index.html', 'home'] as [string, string]]) {
        // While files are still coming, the site is not at its place yet.
        seen.push(readdirSync(join(parent, 'deep')));
        yield file;
      }
    }
    const written = writeSite(out, files());
    expect(written).toEqual([...PAGES.map(([path]) => path), 'index.html'].sort());
    expect(seen.every((names) => !names.includes('site'))).toBe(true);
    expect(seen.at(-1)?.[0]).toMatch(/^\.site\.ideas-site\.\d+\.[0-9a-f]{8}\.tmp$/);
    expect(readdirSync(join(parent, 'deep'))).toEqual(['site']);
    for (const [path, text] of PAGES) expect(readFileSync(join(out, path), 'utf8')).toBe(text);
    const manifest = JSON.parse(readFileSync(join(out, MANIFEST), 'utf8')) as { files: string[] };
    expect(manifest.files).toEqual(written);
  });

  it('removes the folder of a build killed while it wrote its mark, and no folder with other files', () => {
    // The window a SIGKILL can hit: the folder made, its mark created but not yet written.
    const parent = tempDir();
    const out = join(parent, 'site');
    const dead = spawnSync(process.execPath, ['-e', '0']).pid ?? 1;
    const halfMarked = join(parent, `.site.ideas-site.${dead}.0badf00d.tmp`);
    const theirs = join(parent, `.site.ideas-site.${dead}.0123abcd.tmp`);
    mkdirSync(halfMarked);
    writeFileSync(join(halfMarked, STAGING_MARK), '');
    mkdirSync(theirs);
    writeFileSync(join(theirs, STAGING_MARK), '');
    writeFileSync(join(theirs, 'notes.txt'), 'not ours\n');
    writeSite(out, [['index.html', 'home']]);
    expect(readdirSync(parent).sort()).toEqual([`.site.ideas-site.${dead}.0123abcd.tmp`, 'site']);
  });

  it('leaves nothing when a write fails or the pages fail part-way', () => {
    const parent = tempDir();
    const out = join(parent, 'site');
    // The same path twice: the second write finds the first (files are created, never replaced).
    expect(() => writeSite(out, [...PAGES, PAGES[3] ?? ['', '']])).toThrow(/EEXIST/);
    expect(readdirSync(parent)).toEqual([]);
    function* broken(): Generator<[string, string]> {
      yield* PAGES;
      throw new Error('page builder failed');
    }
    expect(() => writeSite(out, broken())).toThrow('page builder failed');
    expect(readdirSync(parent)).toEqual([]);
  });

  it('updates an earlier run in place: files it no longer writes go, others stay', () => {
    const out = tempDir();
    writeSite(join(out, 'site'), PAGES);
    const site = join(out, 'site');
    writeFileSync(join(site, 'CNAME'), 'ideas.example.com\n');
    const written = writeSite(site, PAGES.slice(1));
    expect(written).toHaveLength(PAGES.length - 1);
    expect(existsSync(join(site, 'ideas', 'p0.html'))).toBe(false);
    expect(readFileSync(join(site, 'CNAME'), 'utf8')).toBe('ideas.example.com\n');
    expect(readdirSync(out)).toEqual(['site']);
  });
});
