/**
 * A blobless partial clone (`git clone --filter=blob:none`, what the workflow's checkout makes)
 * has the full history but fetches file contents on demand: every command gives the same output
 * there as in a full clone.
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';
import { git, tempDir, writeTree } from './helpers/repo.js';
import { decisionText, envOf, ideaText, makeForge, voteText } from './helpers/forge.js';
import { fetchesIn, missingObjects } from './helpers/partial.js';

/** One commit by `person` on a given day, so `--at` has history to choose from. */
function commitAs(root: string, person: string, files: Record<string, string>, day: string): void {
  writeTree(root, files);
  const date = `${day}T12:00:00Z`;
  const env = { ...process.env, ...envOf(person), GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date };
  execFileSync('git', ['add', '-A'], { cwd: root, env });
  execFileSync('git', ['commit', '-q', '-m', `${person} on ${day}`], { cwd: root, env });
}

function clone(remote: string, filter: boolean): string {
  const dir = `${tempDir('ideas-clone-')}/repo`;
  const args = ['clone', '-q', ...(filter ? ['--filter=blob:none'] : []), `file://${remote}`, dir];
  git(process.cwd(), ...args);
  git(dir, 'checkout', '-q', 'pr');
  git(dir, 'checkout', '-q', 'main');
  return dir;
}

describe('a blobless partial clone', () => {
  it(
    'validates, ranks, reports and checks exactly as a full clone',
    { timeout: 120_000 },
    async () => {
      const forge = makeForge();
      git(forge.remote, 'config', 'uploadpack.allowFilter', 'true');
      // History with content worth leaving out: ideas, votes and a decision over several commits.
      for (let i = 0; i < 6; i++) {
        commitAs(
          forge.root,
          'alice',
          {
            [`ideas/ide${i}ab-idea-${i}.md`]: ideaText(`ide${i}ab`, `Idea number ${i}`, ['alice']),
          },
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
        '2026-11-20',
      );
      git(forge.root, 'push', '-q', 'origin', 'main');
      git(forge.root, 'checkout', '-q', '-b', 'pr');
      commitAs(
        forge.root,
        'erin',
        { 'votes/ide2ab/erin.md': voteText('ide2ab', 'erin') },
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
      commitAs(forge.root, 'dave', more, '2026-11-22');
      git(forge.root, 'push', '-q', 'origin', 'more');

      const full = clone(forge.remote, false);
      const partial = clone(forge.remote, true);
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
        const env = { GITHUB_ACTOR: undefined, GITLAB_USER_LOGIN: undefined };
        const trace = `${tempDir('ideas-trace-')}/trace`;
        const [a, b] = [
          await runCli(argv, { cwd: full, env }),
          await runCli(argv, { cwd: partial, env: { ...env, GIT_TRACE: trace } }),
        ];
        fetches.set(argv.join(' '), fetchesIn(trace));
        expect(a.code, `${argv.join(' ')}: ${a.stderr}`).toBe(0);
        expect(b.code, `${argv.join(' ')} in the partial clone: ${b.stderr}`).toBe(0);
        expect(a.stdout.length).toBeGreaterThan(20);
        expect(b.stdout.replaceAll(partial, '<root>'), argv.join(' ')).toBe(
          a.stdout.replaceAll(full, '<root>'),
        );
        outputs.set(argv.slice(0, 3).join(' '), a.stdout);
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
