/** The pre-commit hook the package ships: its definition, the files it runs on, and its entry run as pre-commit would. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runBinary } from './helpers/cli.js';
import { makeRepo } from './helpers/repo.js';
import { BASE_TREE, voteText } from './helpers/forge.js';

interface Hook {
  id: string;
  entry: string;
  language: string;
  pass_filenames: boolean;
  files: string;
}

const hooks = parse(
  readFileSync(join(import.meta.dirname, '..', '.pre-commit-hooks.yaml'), 'utf8'),
) as Hook[];
const hook = hooks.find((h) => h.id === 'ideas-validate');

describe('the ideas-validate pre-commit hook', () => {
  it('is a node hook whose entry is a binary of this package', () => {
    expect(hook).toMatchObject({
      language: 'node',
      entry: 'ideas validate',
      pass_filenames: false,
    });
    const manifest = JSON.parse(
      readFileSync(join(import.meta.dirname, '..', 'package.json'), 'utf8'),
    ) as { bin: Record<string, string> };
    expect(Object.keys(manifest.bin)).toContain(hook?.entry.split(' ')[0]);
  });

  it('runs when a record or the config is staged, not for other files', () => {
    const files = new RegExp(hook?.files ?? '^$');
    for (const path of [
      'votes/chat22/erin.md',
      'ideas/chat22-live-chat.md',
      'decisions/chat22/2026-11-20-reviewing.md',
      'ideas.config.yaml',
      'team/ideas/votes/chat22/erin.md',
      'templates/idea.md',
    ])
      expect(files.test(path), path).toBe(true);
    for (const path of ['src/app.ts', 'README.md', 'myideas.config.yaml', 'votes.md'])
      expect(files.test(path), path).toBe(false);
  });

  it('fails the commit on a bad record and passes a clean repository, run from the top as pre-commit does', () => {
    const argv = hook?.entry.split(' ').slice(1) ?? [];
    const clean = makeRepo(BASE_TREE);
    expect(runBinary(argv, { cwd: clean }).code).toBe(0);
    const bad = makeRepo({
      ...BASE_TREE,
      'votes/chat22/erin.md': voteText('chat22', 'erin').replace('points: 1', 'points: many'),
    });
    const result = runBinary(argv, { cwd: bad });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('votes/chat22/erin.md');
  });
});
