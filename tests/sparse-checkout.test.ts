/**
 * A sparse checkout holds only some folders on disk (here: ideas/), the rest stays in the index
 * with the skip-worktree bit. Every read command reads those records by their blob ids and
 * answers exactly as in a full checkout; in a blobless sparse clone the missing blobs come from
 * the server in one fetch, not one per file.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { git } from './helpers/repo.js';
import {
  BASE_TREE,
  commitAs,
  decisionText,
  ideaText,
  makeForge,
  voteText,
} from './helpers/forge.js';
import { cloneOf, expectSameAnswer, missingObjects } from './helpers/partial.js';

const COMMANDS: string[][] = [
  ['validate', '--format', 'json'],
  ['rank', '--format', 'json'],
  ['rank', '--by', 'hot'],
  ['list', '--format', 'json'],
  ['show', 'shipa1'],
  ['show', 'ide2ab', '--format', 'json'],
  ['report', '--format', 'json'],
  ['report', '--format', 'md'],
];

describe('a sparse checkout of ideas/ only', () => {
  it(
    'answers validate, rank, list, show and report byte for byte as a full checkout',
    { timeout: 120_000 },
    async () => {
      const forge = makeForge(undefined, { allowFilter: true });
      const files: Record<string, string> = {};
      for (let i = 0; i < 4; i++) {
        files[`ideas/ide${i}ab-idea-${i}.md`] = ideaText(`ide${i}ab`, `Idea number ${i}`, [
          'alice',
        ]);
        files[`votes/ide${i}ab/bob.md`] = voteText(`ide${i}ab`, 'bob');
        files[`votes/ide${i}ab/erin.md`] = voteText(`ide${i}ab`, 'erin');
      }
      files['decisions/ide1ab/2026-11-20-reviewing.md'] = decisionText(
        'ide1ab',
        'reviewing',
        '2026-11-20',
        ['carol'],
      );
      commitAs(forge.root, 'alice', files, 'ideas, votes and a decision');
      git(forge.root, 'push', '-q', 'origin', 'main');

      const full = cloneOf(forge.remote);
      // All objects here, only ideas/ (and the top-level files) on disk.
      const sparse = cloneOf(forge.remote, { sparse: ['ideas'] });
      // Blobless and sparse: the blobs of votes/ and decisions/ were never fetched.
      const blobless = cloneOf(forge.remote, { blobless: true, sparse: ['ideas'] });

      for (const dir of [sparse, blobless]) {
        expect(existsSync(join(dir, 'ideas', 'ide0ab-idea-0.md'))).toBe(true);
        expect(existsSync(join(dir, 'votes'))).toBe(false);
        expect(existsSync(join(dir, 'decisions'))).toBe(false);
        // Absent from disk, present in the index with the skip-worktree bit (tag S).
        expect(git(dir, 'ls-files', '-t', '--', 'votes/shipa1/bob.md')).toBe(
          'S votes/shipa1/bob.md\n',
        );
      }
      const votesAndDecisions = Object.keys({ ...BASE_TREE, ...files }).filter(
        (path) => !path.startsWith('ideas/') && path.includes('/'),
      ).length;
      expect(missingObjects(blobless)).toBeGreaterThanOrEqual(votesAndDecisions);

      for (const [index, argv] of COMMANDS.entries()) {
        const { fetches } = await expectSameAnswer(argv, full, [sparse, blobless]);
        // The first command fetches what it lacks in one round trip; the rest find it there.
        expect(fetches[1], argv.join(' ')).toBe(index === 0 ? 1 : 0);
      }
      expect(missingObjects(blobless)).toBe(0);
      // The working tree was read, not rewritten: still only ideas/ on disk.
      expect(existsSync(join(sparse, 'votes'))).toBe(false);
      expect(readFileSync(join(sparse, '.git', 'info', 'sparse-checkout'), 'utf8')).toContain(
        '/ideas/',
      );
    },
  );
});
