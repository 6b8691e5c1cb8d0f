/**
 * Reading only what a change reaches (validate/reach.ts) must answer exactly as reading
 * everything: on random pull requests (ideas, votes and decisions added, edited and deleted,
 * valid or not: budget overruns, duplicate ids, wrong folders, unknown ideas, illegal
 * transitions), `check` and `validate --changed-since` print the same bytes either way, and so
 * do `vote` and `review` (output and the file written) on top of uncommitted changes: files
 * modified, removed and added in the working tree, some of them staged, inside and outside
 * what the command reads. IDEAS_FULL_READ=1 is the full read. Seeded; the seed is printed so a
 * failure can be replayed.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';
import { commitAs, decisionText, ideaText, voteText } from './helpers/forge.js';
import { git, makeRepo, writeTree, type Tree } from './helpers/repo.js';

const PEOPLE = ['alice', 'bob', 'carol', 'dave', 'erin'];
const CONFIG = `version: 1
people:
${PEOPLE.map((p) => `  ${p}: {emails: [${p}@example.com]}`).join('\n')}
reviewers: [carol, dave]
voting: {mode: budget, budget: 4}
campaigns:
  spring: {question: "What would make spring easier?", closes: 2026-11-05}
`;

const idea = (id: string, title: string, authors: string[], fields = '') =>
  ideaText(id, title, authors).replace('created: 2026-11-01\n', `created: 2026-11-01\n${fields}`);
const vote = (ideaId: string, voter: string, points = 1, date = '2026-11-10') =>
  voteText(ideaId, voter).replace('points: 1', `points: ${points}`).replace('2026-11-10', date);

/** Every file correctly named: main passed its own CI. Its content need not be valid. */
const BASE: Tree = {
  'ideas.config.yaml': CONFIG,
  'ideas/them1-faster-delivery.md': idea('them1', 'Faster delivery', ['alice'], 'kind: theme\n'),
  'ideas/ship1-overnight-shipping.md': idea(
    'ship1',
    'Overnight shipping',
    ['alice'],
    'parent: them1\n',
  ),
  'ideas/chat2-live-chat.md': idea('chat2', 'Live chat', ['dave'], 'campaign: spring\n'),
  'ideas/fax33-fax-orders.md': idea('fax33', 'Fax orders', ['erin']),
  'ideas/drop4-drone-drops.md': idea('drop4', 'Drone drops', ['bob'], 'parent: ship1\n'),
  'votes/ship1/bob.md': vote('ship1', 'bob', 2),
  'votes/ship1/carol.md': vote('ship1', 'carol'),
  'votes/chat2/bob.md': vote('chat2', 'bob', 2),
  'votes/fax33/alice.md': vote('fax33', 'alice'),
  'votes/drop4/erin.md': vote('drop4', 'erin', 3),
  'decisions/ship1/2026-11-12-reviewing.md': decisionText('ship1', 'reviewing', '2026-11-12', [
    'carol',
  ]),
  'decisions/fax33/2026-11-11-rejected.md': decisionText('fax33', 'rejected', '2026-11-11', [
    'dave',
  ]),
};

const IDS = ['them1', 'ship1', 'chat2', 'fax33', 'drop4', 'new5a', 'new6b', 'nosuch'];
const STATUSES = ['reviewing', 'accepted', 'rejected', 'duplicate', 'withdrawn', 'shipped'];
const DATES = ['2026-11-02', '2026-11-10', '2026-11-20', '2026-12-30'];
const TITLES = ['Overnight shipping', 'Overnight shipping now', 'Gift wrap', 'Live chat help'];

type Op =
  | {
      op: 'idea';
      id: string;
      name: string | undefined;
      title: string;
      parent?: string | undefined;
      theme: boolean;
    }
  | {
      op: 'vote';
      id: string;
      folder: string | undefined;
      voter: string;
      file: string | undefined;
      points: number;
      date: string;
    }
  | {
      op: 'decision';
      id: string;
      folder: string | undefined;
      status: string;
      date: string;
      reviewer: string;
      dup?: string | undefined;
    }
  | { op: 'delete'; path: string }
  | { op: 'authors'; path: string; authors: string[] };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    op: fc.constant('idea' as const),
    id: fc.constantFrom(...IDS),
    name: fc.option(fc.constantFrom(...IDS), { nil: undefined, freq: 4 }), // else a wrong name
    title: fc.constantFrom(...TITLES),
    parent: fc.option(fc.constantFrom(...IDS), { nil: undefined }),
    theme: fc.boolean(),
  }),
  fc.record({
    op: fc.constant('vote' as const),
    // Mostly on open ideas, mostly by bob, who is at his budget on main.
    id: fc.constantFrom('ship1', 'drop4', 'them1', ...IDS),
    // Mostly where it belongs; sometimes in another idea's folder or under another name.
    folder: fc.option(fc.constantFrom(...IDS), { nil: undefined, freq: 4 }),
    voter: fc.constantFrom('bob', 'bob', 'bob', ...PEOPLE, 'zed'),
    file: fc.option(fc.constantFrom(...PEOPLE, 'Bob'), { nil: undefined, freq: 4 }),
    points: fc.integer({ min: 1, max: 5 }),
    date: fc.constantFrom('2026-11-20', ...DATES),
  }),
  fc.record({
    op: fc.constant('decision' as const),
    id: fc.constantFrom(...IDS),
    folder: fc.option(fc.constantFrom(...IDS), { nil: undefined, freq: 4 }),
    status: fc.constantFrom(...STATUSES),
    date: fc.constantFrom(...DATES),
    reviewer: fc.constantFrom(...PEOPLE),
    dup: fc.option(fc.constantFrom(...IDS), { nil: undefined }),
  }),
  fc.record({
    op: fc.constant('delete' as const),
    path: fc.constantFrom(...Object.keys(BASE).slice(1)),
  }),
  fc.record({
    op: fc.constant('authors' as const),
    path: fc.constantFrom(...Object.keys(BASE).filter((p) => p.startsWith('ideas/'))),
    authors: fc.subarray(PEOPLE, { minLength: 1 }),
  }),
);

function filesOf(o: Op): Record<string, string | null> {
  switch (o.op) {
    case 'idea':
      return {
        [`ideas/${o.name ?? o.id}-${o.title.toLowerCase().replace(/ /g, '-')}.md`]: idea(
          o.id,
          o.title,
          ['bob'],
          `${o.theme ? 'kind: theme\n' : ''}${o.parent ? `parent: ${o.parent}\n` : ''}`,
        ),
      };
    case 'vote':
      return {
        [`votes/${o.folder ?? o.id}/${o.file ?? o.voter}.md`]: vote(
          o.id,
          o.voter,
          o.points,
          o.date,
        ),
      };
    case 'decision': {
      const text = decisionText(o.id, o.status, o.date, [o.reviewer]).replace(
        '---\nThe',
        `${o.dup ? `duplicate_of: ${o.dup}\n` : ''}---\nThe`,
      );
      return { [`decisions/${o.folder ?? o.id}/${o.date}-${o.status}.md`]: text };
    }
    case 'delete':
      return { [o.path]: null };
    case 'authors':
      return {
        [o.path]: (BASE[o.path] ?? '').replace(
          /authors: \[[^\]]*\]/,
          `authors: [${o.authors.join(', ')}]`,
        ),
      };
  }
}

/** The problems of a `--format json` answer, as comparable strings. */
function problemKeys(stdout: string): string[] {
  const { problems } = JSON.parse(stdout) as {
    problems: { rule: string; severity: string; file: string; message: string }[];
  };
  return problems.map((p) => `${p.rule} ${p.severity} ${p.file} ${p.message}`);
}

async function answer(root: string, args: string[], full: boolean, env = {}) {
  const result = await runCli(args, {
    cwd: root,
    env: { ...env, ...(full ? { IDEAS_FULL_READ: '1' } : {}) },
  });
  return { code: result.code, stdout: result.stdout, stderr: result.stderr };
}

/** A writer's answer and the file it leaves, the file then put back as it was. */
async function written(root: string, args: string[], path: string, full: boolean, as: string) {
  const file = join(root, path);
  const before = existsSync(file) ? readFileSync(file, 'utf8') : undefined;
  const result = await answer(root, args, full, { GIT_AUTHOR_EMAIL: `${as}@example.com` });
  const after = existsSync(file) ? readFileSync(file, 'utf8') : undefined;
  // The decision's file name carries today's date; the vote's is the voter's.
  if (before === undefined) rmSync(file, { force: true });
  else writeFileSync(file, before);
  return { ...result, after };
}

function applyToWorkingTree(root: string, files: Record<string, string | null>): void {
  for (const [path, text] of Object.entries(files))
    if (text === null) rmSync(join(root, path), { force: true });
    else writeTree(root, { [path]: text });
}

/**
 * The op with every file named as its content says. A writer reads by name (the idea's file,
 * its folders of votes and decisions): a file whose content claims another idea or voter is
 * what validate reports (idea/file-name, vote/file-name), and the writers' answers may differ
 * on a tree holding one, as check's would on a base holding one.
 */
function named(o: Op): Op {
  if (o.op === 'idea') return { ...o, name: undefined };
  if (o.op === 'vote') return { ...o, folder: undefined, file: undefined };
  if (o.op === 'decision') return { ...o, folder: undefined };
  return o;
}

/** What a writer may be asked to do, on top of any working tree. */
const write = fc.record({
  id: fc.constantFrom(...IDS),
  person: fc.constantFrom(...PEOPLE),
  points: fc.integer({ min: 1, max: 3 }),
  status: fc.constantFrom(...STATUSES),
});

describe('reading what a change reaches answers as reading everything', () => {
  it('check and validate --changed-since, on random pull requests and working trees', async () => {
    const root = makeRepo(BASE);
    const seed = Number(process.env.FC_SEED ?? Date.now() % 2 ** 31);
    // Printed so a failing case can be replayed with FC_SEED.
    console.log(`incremental.property seed ${seed}`);
    let round = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(op, { minLength: 1, maxLength: 4 }),
        fc.array(op, { maxLength: 3 }),
        fc.boolean(),
        fc.constantFrom(...PEOPLE),
        async (ops, uncommitted, stage, actor) => {
          git(root, 'checkout', '-q', '-f', 'main');
          git(root, 'clean', '-q', '-fd');
          git(root, 'checkout', '-q', '-B', `pr${round++}`);
          commitAs(root, actor, Object.assign({}, ...ops.map(filesOf)), 'change');
          const check = ['check', '--base', 'main', '--actor', actor, '--format', 'json'];
          expect(await answer(root, check, false)).toEqual(await answer(root, check, true));
          const [first, ...rest] = uncommitted;
          // Staged changes make the index differ from HEAD; the rest differ from the index too.
          if (first) applyToWorkingTree(root, filesOf(first));
          if (stage) git(root, 'add', '-A');
          for (const o of rest) applyToWorkingTree(root, filesOf(o));
          const validate = ['validate', '--changed-since', 'main', '--format', 'json'];
          const changed = await answer(root, validate, false);
          expect(changed).toEqual(await answer(root, validate, true));
          // And what it affects is enough: every problem the change adds to a full validate is
          // among those --changed-since reports. Similar-idea warnings are left out: on ideas
          // created the same day the warning goes to the later path, which may be untouched.
          const whole = await answer(root, ['validate', '--format', 'json'], false);
          const before = await answer(
            root,
            ['validate', '--ref', 'main', '--format', 'json'],
            false,
          );
          const old = new Set(problemKeys(before.stdout));
          const reported = new Set(problemKeys(changed.stdout));
          const added = problemKeys(whole.stdout).filter(
            (p) => !old.has(p) && !p.startsWith('repo/similar-ideas'),
          );
          expect(added.filter((p) => !reported.has(p))).toEqual([]);
        },
      ),
      { seed, numRuns: Number(process.env.FC_RUNS ?? 12), endOnFailure: true },
    );
  }, 300_000);

  it('vote, review, show and validate --changed-since on random working trees', async () => {
    const root = makeRepo(BASE);
    const seed = Number(process.env.FC_SEED ?? Date.now() % 2 ** 31);
    console.log(`incremental.property writers seed ${seed}`);
    let round = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(op.map(named), { maxLength: 3 }),
        fc.array(op.map(named), { minLength: 1, maxLength: 3 }),
        fc.boolean(),
        write,
        async (ops, uncommitted, stage, writer) => {
          git(root, 'checkout', '-q', '-f', 'main');
          git(root, 'clean', '-q', '-fd');
          git(root, 'checkout', '-q', '-B', `wt${round++}`);
          if (ops.length > 0)
            commitAs(root, 'bob', Object.assign({}, ...ops.map(filesOf)), 'change');
          const [first, ...rest] = uncommitted;
          if (first) applyToWorkingTree(root, filesOf(first));
          if (stage) git(root, 'add', '-A');
          for (const o of rest) applyToWorkingTree(root, filesOf(o));
          const validate = ['validate', '--changed-since', 'main', '--format', 'json'];
          expect(await answer(root, validate, false)).toEqual(await answer(root, validate, true));
          // show reads by the same scan of the working tree (read/index-scan.ts).
          const show = ['show', writer.id, '--format', 'json'];
          expect(await answer(root, show, false)).toEqual(await answer(root, show, true));
          const vote = ['vote', writer.id, '--points', String(writer.points), '--no-branch'];
          const votePath = `votes/${writer.id}/${writer.person}.md`;
          expect(await written(root, vote, votePath, false, writer.person)).toEqual(
            await written(root, vote, votePath, true, writer.person),
          );
          const review = ['review', writer.id, '--status', writer.status, '--rationale', 'Why.'];
          const reviewArgs = [...review, '--no-branch', '--format', 'json'];
          const decisionPath = `decisions/${writer.id}/2026-11-24-${writer.status}.md`;
          expect(await written(root, reviewArgs, decisionPath, false, writer.person)).toEqual(
            await written(root, reviewArgs, decisionPath, true, writer.person),
          );
        },
      ),
      { seed, numRuns: Number(process.env.FC_RUNS ?? 12), endOnFailure: true },
    );
  }, 300_000);
});
