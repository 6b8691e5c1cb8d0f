/**
 * A blobless partial clone (`git clone --filter=blob:none`, what the workflow's checkout makes)
 * has the full history but fetches file contents on demand: every command gives the same output
 * there as in a full clone.
 */
import { describe, expect, it } from 'vitest';
import { git } from './helpers/repo.js';
import { commitAs, decisionText, ideaText, makeForge, voteText } from './helpers/forge.js';
import { cloneOf, expectSameAnswer, missingObjects } from './helpers/partial.js';

describe('a blobless partial clone', () => {
  it(
    'validates, ranks, reports and checks exactly as a full clone',
    { timeout: 120_000 },
    async () => {
      const forge = makeForge(undefined, { allowFilter: true });
      // History with content worth leaving out: ideas, votes and a decision over several commits.
      for (let i = 0; i < 6; i++) {
        commitAs(
          forge.root,
          'alice',
          {
            [`ideas/ide${i}ab-idea-${i}.md`]: ideaText(`ide${i}ab`, `Idea number ${i}`, ['alice']),
          },
          `alice on 2026-11-0${i + 1}`,
          `2026-11-0${i + 1}`,
        );
        commitAs(
          forge.root,
          'bob',
          // bob rewrites one comment each time: the old versions are blobs only history holds.
          {
            [`votes/ide${i}ab/bob.md`]: voteText(`ide${i}ab`, 'bob'),
            'votes/shipa1/bob.md': voteText('shipa1', 'bob').replace(
              'Useful',
              `Round ${i}: useful`,
            ),
          },
          `bob on 2026-11-1${i}`,
          `2026-11-1${i}`,
        );
      }
      commitAs(
        forge.root,
        'carol',
        {
          'decisions/ide1ab/2026-11-20-reviewing.md': decisionText(
            'ide1ab',
            'reviewing',
            '2026-11-20',
            ['carol'],
          ),
        },
        'carol on 2026-11-20',
        '2026-11-20',
      );
      git(forge.root, 'push', '-q', 'origin', 'main');
      git(forge.root, 'checkout', '-q', '-b', 'pr');
      commitAs(
        forge.root,
        'erin',
        { 'votes/ide2ab/erin.md': voteText('ide2ab', 'erin') },
        'erin on 2026-11-21',
        '2026-11-21',
      );
      git(forge.root, 'push', '-q', 'origin', 'pr');
      // A branch no clone checks out: every blob it adds stays on the server until read.
      git(forge.root, 'checkout', '-q', '-b', 'more', 'main');
      const more: Record<string, string> = {};
      for (let i = 0; i < 3; i++) {
        more[`ideas/new${i}ab-more-${i}.md`] = ideaText(`new${i}ab`, `More number ${i}`, ['dave']);
        more[`votes/new${i}ab/erin.md`] = voteText(`new${i}ab`, 'erin');
      }
      commitAs(forge.root, 'dave', more, 'dave on 2026-11-22', '2026-11-22');
      git(forge.root, 'push', '-q', 'origin', 'more');

      const full = cloneOf(forge.remote, { visit: ['pr'] });
      const partial = cloneOf(forge.remote, { blobless: true, visit: ['pr'] });
      expect(missingObjects(full)).toBe(0);
      // The checkout fetched the tip's blobs; the older versions stay on the server.
      expect(missingObjects(partial)).toBeGreaterThan(0);

      const commands: [string[], string?][] = [
        [['validate', '--format', 'json']],
        [['rank', '--format', 'json']],
        [['rank', '--at', '2026-11-12', '--format', 'json']],
        [['rank', '--ref', 'origin/pr', '--format', 'json']],
        [['rank', '--ref', 'origin/more', '--format', 'json']],
        [['validate', '--ref', 'origin/more', '--format', 'json']],
        [['report', '--format', 'json']],
        [['report', '--format', 'md']],
        [
          [
            'check',
            '--base',
            'origin/main',
            '--head',
            'origin/pr',
            '--actor',
            'erin',
            '--format',
            'json',
          ],
        ],
      ];
      const outputs = new Map<string, string>();
      const fetches = new Map<string, number>();
      for (const [argv] of commands) {
        const {
          stdout,
          fetches: [count = -1],
        } = await expectSameAnswer(argv, full, [partial]);
        fetches.set(argv.join(' '), count);
        outputs.set(argv.slice(0, 3).join(' '), stdout);
      }
      // What a command lacks comes in one fetch, never one per file: origin/more's six new
      // blobs arrive together on its first read, and the second read finds them here.
      expect(fetches.get('rank --ref origin/more --format json')).toBe(1);
      expect(fetches.get('validate --ref origin/more --format json')).toBe(0);
      for (const [label, count] of fetches) expect(count, label).toBeLessThanOrEqual(1);
      // The past really is read from history: fewer ideas stood on 2026-11-12.
      expect(outputs.get('rank --at 2026-11-12')).not.toBe(outputs.get('rank --format json'));
    },
  );
});
