/**
 * The working tree's names in the whole-result cache (cli/repository.ts, read/git-index.ts):
 * quick, by the index file's checksum and what differs from it, then by blob ids. Each case
 * is a way the index and the files can part, and each answer must be a full run's.
 */
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gitAt } from '../src/git/git-process.js';
import { gitPlaces } from '../src/cache/location.js';
import { indexChecksum, surveyWorkingTree } from '../src/read/tree-identity.js';
import { BIN, runBinary, type CliResult } from './helpers/cli.js';
import { BASE_TREE, commitAs, ideaText, makeForge, voteText } from './helpers/forge.js';
import { gitCommands, traceFile } from './helpers/git-trace.js';
import { cloneOf } from './helpers/partial.js';
import { git, makeRepo, tempDir, writeTree } from './helpers/repo.js';

const VALIDATE = ['validate', '--format', 'json'];
const QUICK = 'answered validate from the result cache\n';
const BY_BLOBS = 'answered validate from the result cache, by blob ids';
const COMPUTED = 'computed validate';
/** Each test runs the binary a dozen times: room for a loaded machine. */
const SLOW = 180_000;

interface Traced extends CliResult {
  commands: string[];
}

function run(root: string, args = VALIDATE): Traced {
  const trace = traceFile();
  const result = runBinary(args, {
    cwd: root,
    env: { IDEAS_CACHE_TRACE: '1', GIT_TRACE2_EVENT: trace },
  });
  return { ...result, commands: gitCommands(trace) };
}

/** The answer without any cache, which every cached one must equal. */
function uncached(root: string, args = VALIDATE): CliResult {
  const result = runBinary([...args, '--no-cache'], { cwd: root });
  expect(result.stderr).not.toContain('cache:');
  return result;
}

function expectFullRunAnswer(root: string, result: CliResult, what: string): void {
  const full = uncached(root);
  expect(result.stdout, what).toBe(full.stdout);
  expect(result.code, what).toBe(full.code);
}

const count = (commands: string[], prefix: string) =>
  commands.filter((command) => command.startsWith(prefix)).length;

describe('the working tree named for the result cache', () => {
  it(
    'a hit lists no index entries; a refreshed index holding the same files is a hit by blob ids',
    () => {
      const root = makeRepo(BASE_TREE);
      const first = run(root);
      expect(first.stderr).toContain(COMPUTED);
      const hit = run(root);
      expect(hit.stderr).toContain(QUICK);
      expect(hit.stdout).toBe(first.stdout);
      // The quick name: what differs from the index and where the index is, never its entries.
      expect(count(hit.commands, 'ls-files -z -s')).toBe(0);
      expect(count(hit.commands, 'ls-files -z -o')).toBe(1);
      expect(count(hit.commands, 'diff-files')).toBe(1);
      expect(count(hit.commands, 'rev-parse')).toBe(1);
      expect(hit.commands.length).toBe(3);

      // Same files, new stat data: the index file is rewritten with another checksum.
      const idea = join(root, 'ideas/chat22-live-chat.md');
      const later = new Date(statSync(idea).mtimeMs + 5000);
      utimesSync(idea, later, later);
      const before = readFileSync(join(root, '.git/index'));
      git(root, 'update-index', '--refresh');
      expect(readFileSync(join(root, '.git/index')).equals(before)).toBe(false);
      const refreshed = run(root);
      expect(refreshed.stderr).toContain(BY_BLOBS);
      expect(refreshed.stdout).toBe(first.stdout);
      expect(count(refreshed.commands, 'ls-files -z -s')).toBe(1);
      // The new index file is now a quick name of the same answer.
      const again = run(root);
      expect(again.stderr).toContain(QUICK);
      expect(again.stdout).toBe(first.stdout);
    },
    SLOW,
  );

  it(
    'a file rewritten in the second the index was written, same size and time, is read again',
    () => {
      const root = makeRepo(BASE_TREE);
      // Without ctime, only git's racy-clean check can see the change below.
      git(root, 'config', 'core.trustctime', 'false');
      const path = join(root, 'ideas/chat22-live-chat.md');
      const text = readFileSync(path, 'utf8');
      const moment = new Date(Math.floor(Date.now() / 1000) * 1000);
      utimesSync(path, moment, moment);
      git(root, 'add', '-A');
      // The entry's time equals the index file's: racily clean.
      utimesSync(join(root, '.git/index'), moment, moment);
      const first = run(root);
      expect(first.stderr).toContain(COMPUTED);
      expect(run(root).stderr).toContain(QUICK);
      // Same length, now invalid: a month that does not exist.
      const changed = text.replace('created: 2026-11-01', 'created: 2026-13-01');
      expect(changed).not.toBe(text);
      expect(changed.length).toBe(text.length);
      writeFileSync(path, changed);
      utimesSync(path, moment, moment);
      const after = run(root);
      expect(after.stderr).toContain(COMPUTED);
      expect(after.stdout).not.toBe(first.stdout);
      expect(after.code).toBe(1);
      expectFullRunAnswer(root, after, 'racily clean');
    },
    SLOW,
  );

  it(
    'untracked files count unless ignored, and going back answers from the cache again',
    () => {
      const root = makeRepo({ ...BASE_TREE, '.gitignore': 'votes/*/scratch.md\n' });
      const first = run(root);
      const vote = join(root, 'votes/chat22/erin.md');
      writeTree(root, { 'votes/chat22/erin.md': voteText('chat22', 'erin') });
      const added = run(root);
      expect(added.stderr).toContain(COMPUTED);
      expect(added.stdout).not.toBe(first.stdout);
      expectFullRunAnswer(root, added, 'an untracked vote');
      rmSync(vote);
      // Ignored: no full read sees it, so it names nothing either.
      writeTree(root, { 'votes/chat22/scratch.md': 'not a vote at all' });
      const back = run(root);
      expect(back.stderr).toContain(QUICK);
      expect(back.stdout).toBe(first.stdout);
      expectFullRunAnswer(root, back, 'an ignored file');
    },
    SLOW,
  );

  it(
    'two ideas roots in one repository, alike and then apart, each answer as their own full run',
    () => {
      const top = makeRepo(
        Object.fromEntries(
          Object.entries(BASE_TREE).flatMap(([path, text]) => [
            [`one/${path}`, text],
            [`two/${path}`, text],
          ]),
        ),
      );
      const [one, two] = [join(top, 'one'), join(top, 'two')];
      const a = run(one);
      expectFullRunAnswer(one, a, 'root one');
      const b = run(two);
      // Not the quick name of one: the root's place is part of it.
      expect(b.stderr).not.toContain(QUICK);
      expectFullRunAnswer(two, b, 'root two, alike');
      writeTree(two, { 'votes/chat22/erin.md': voteText('chat22', 'erin') });
      const apart = run(two);
      expect(apart.stderr).toContain(COMPUTED);
      expectFullRunAnswer(two, apart, 'root two, apart');
      // A change below the other root is not what differs here: root one still hits.
      const still = run(one);
      expect(still.stderr).toContain(QUICK);
      expect(still.stdout).toBe(a.stdout);
    },
    SLOW,
  );

  it(
    'a sparse checkout and a blobless partial clone answer from the cache as their full runs',
    () => {
      const forge = makeForge(undefined, { allowFilter: true });
      commitAs(
        forge.root,
        'alice',
        {
          'ideas/ide1ab-one.md': ideaText('ide1ab', 'One', ['alice']),
          'votes/ide1ab/bob.md': voteText('ide1ab', 'bob'),
        },
        'more',
      );
      git(forge.root, 'push', '-q', 'origin', 'main');
      for (const clone of [
        cloneOf(forge.remote, { sparse: ['ideas'] }),
        cloneOf(forge.remote, { blobless: true, sparse: ['ideas'] }),
      ]) {
        const first = run(clone);
        expect(first.stderr).toContain(COMPUTED);
        const hit = run(clone);
        expect(hit.stderr).toContain(QUICK);
        expect(hit.stdout).toBe(first.stdout);
        expectFullRunAnswer(clone, hit, clone);
        // A vote written where the checkout leaves no files: the tree changed, so did the name.
        writeTree(clone, { 'votes/ide1ab/erin.md': voteText('ide1ab', 'erin') });
        const added = run(clone);
        expect(added.stderr).toContain(COMPUTED);
        expectFullRunAnswer(clone, added, `${clone} with a vote`);
      }
    },
    SLOW,
  );
});

describe('the quick name', () => {
  it('names nothing once the index file changes under it, and nothing when it has no checksum', async () => {
    const root = makeRepo(BASE_TREE);
    const dir = gitAt(root, {});
    const places = gitPlaces(dir);
    expect(places?.prefix).toBe('');
    const survey = await surveyWorkingTree(dir, () => places);
    expect(survey?.quickName).toMatch(/^[0-9a-f]{64}$/);
    expect(survey?.indexUnchanged()).toBe(true);
    writeTree(root, { 'votes/chat22/erin.md': voteText('chat22', 'erin') });
    git(root, 'add', '-A');
    // An answer read now may hold the new index's files: it must not be kept under the old name.
    expect(survey?.indexUnchanged()).toBe(false);
    // index.skipHash leaves zeros where the checksum goes; a missing index names nothing.
    const file = join(tempDir(), 'index');
    writeFileSync(
      file,
      Buffer.concat([readFileSync(join(root, '.git/index')).subarray(0, -20), Buffer.alloc(20)]),
    );
    expect(indexChecksum(file)).toBeUndefined();
    expect(indexChecksum(join(root, 'no-such-index'))).toBeUndefined();
    expect(indexChecksum(join(root, '.git/index'))).toMatch(/[0-9a-f]{64}$/);
  });
});

describe('two builds in turn', () => {
  it(
    'each keeps its own answers: running the other in between does not make a run compute again',
    () => {
      // A second build: this one's files with another build id, as another version would have.
      const here = dirname(dirname(BIN));
      const other = join(tempDir('ideas-build-'), 'pkg');
      for (const part of ['bin', 'dist', 'templates', 'package.json'])
        cpSync(join(here, part), join(other, part), { recursive: true });
      symlinkSync(join(here, 'node_modules'), join(other, 'node_modules'));
      const chunks = join(other, 'dist', 'chunks');
      const stamped = /"(\d+\.\d+\.\d+[^"]*-[0-9a-f]{16})"/;
      let restamped = 0;
      for (const name of readdirSync(chunks)) {
        const file = join(chunks, name);
        const text = readFileSync(file, 'utf8');
        if (!stamped.test(text)) continue;
        writeFileSync(file, text.replace(stamped, '"0.0.0-ffffffffffffffff"'));
        restamped++;
      }
      expect(restamped).toBe(1);
      const root = makeRepo(BASE_TREE);
      const runOther = (args: string[]) =>
        spawnSync(process.execPath, [join(other, 'bin', 'ideas.js'), ...args], {
          cwd: root,
          encoding: 'utf8',
          env: { ...process.env, NO_COLOR: '1', IDEAS_TODAY: '2026-11-24', IDEAS_CACHE_TRACE: '1' },
        });
      for (const args of [VALIDATE, ['validate', '--ref', 'HEAD']]) {
        expect(run(root, args).stderr).toContain('computed validate');
        expect(runOther(args).stderr).toContain('computed validate');
        expect(run(root, args).stderr).toContain(QUICK);
        expect(runOther(args).stderr).toContain(QUICK);
      }
    },
    SLOW,
  );
});
