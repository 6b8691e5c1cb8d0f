/**
 * `ideas import` from each source's shape (fixtures in tests/fixtures/import/) and `ideas
 * export` read back: real repositories, the CLI in-process, `ideas validate` as the judge.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { runCli } from '../helpers/cli.js';
import { makeIdeasRepo, TREE } from '../helpers/authoring.js';
import { git, makeRepo } from '../helpers/repo.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'import');
const fixture = (name: string) => join(FIXTURES, name);

function filesUnder(root: string): string[] {
  return ['ideas', 'votes', 'decisions']
    .filter((folder) => existsSync(join(root, folder)))
    .flatMap((folder) =>
      readdirSync(join(root, folder), { recursive: true }).map((p) => `${folder}/${String(p)}`),
    )
    .filter((p) => p.endsWith('.md'))
    .sort();
}

function frontMatter(root: string, path: string): Record<string, unknown> {
  const text = readFileSync(join(root, path), 'utf8');
  return parseDocument(text.split('---\n')[1] ?? '').toJS() as Record<string, unknown>;
}

function ideaBySource(root: string, source: string): { path: string; id: string } {
  const path = filesUnder(root).find(
    (p) => p.startsWith('ideas/') && frontMatter(root, p).source === source,
  );
  if (!path) throw new Error(`no idea with source ${source}`);
  return { path, id: String(frontMatter(root, path).id) };
}

async function expectValid(root: string): Promise<void> {
  const result = await runCli(['validate', '--format', 'json'], { cwd: root });
  const report = JSON.parse(result.stdout) as { ok: boolean; problems: { severity: string }[] };
  expect(report.problems.filter((p) => p.severity === 'error')).toEqual([]);
  expect(result.code).toBe(0);
}

describe('ideas import github', () => {
  it('writes ideas, anonymous 👍 votes and a legal chain of decisions, and validates', async () => {
    const root = makeIdeasRepo();
    const result = await runCli(['import', 'github', fixture('github-issues.json')], { cwd: root });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('imported 4 ideas, 5 votes, 7 decisions');
    // What could not be mapped is said, not dropped.
    expect(result.stderr).toContain('1 👎 reactions are not imported as votes');
    expect(result.stderr).toContain('appears twice in the file (github:acme/shop#12)');
    expect(result.stderr).toContain('no author (a deleted account?): written as "ghost"');
    await expectValid(root);

    const open = ideaBySource(root, 'github:acme/shop#12');
    expect(frontMatter(root, open.path)).toMatchObject({
      title: 'Offer overnight shipping 🚚',
      authors: ['alice'],
      created: '2026-03-02',
      tags: ['logistics'],
    });
    const votes = filesUnder(root).filter((p) => p.startsWith(`votes/${open.id}/`));
    expect(votes).toHaveLength(3);
    expect(frontMatter(root, votes[0] ?? '')).toMatchObject({
      voter: `anon-${open.id}-1`,
      points: 1,
      date: '2026-03-02',
      recorded_by: 'carol',
    });

    const shipped = ideaBySource(root, 'github:acme/shop#15');
    const chain = filesUnder(root)
      .filter((p) => p.startsWith(`decisions/${shipped.id}/`))
      .map((p) => frontMatter(root, p));
    expect(chain.map((d) => d.status).sort()).toEqual(
      ['accepted', 'prototyping', 'reviewing', 'shipped', 'validated'].sort(),
    );
    expect(new Set(chain.map((d) => d.date))).toEqual(new Set(['2026-05-20']));
    const show = await runCli(['show', shipped.id, '--format', 'json'], { cwd: root });
    expect(JSON.parse(show.stdout)).toMatchObject({ status: 'shipped' });

    const rejected = ideaBySource(root, 'github:acme/shop#18');
    expect(frontMatter(root, rejected.path).authors).toEqual(['ghost']);
  });

  it('a second import of the same file writes nothing new', async () => {
    const root = makeIdeasRepo();
    await runCli(['import', 'github', fixture('github-issues.json')], { cwd: root });
    const before = filesUnder(root);
    const again = await runCli(['import', 'github', fixture('github-issues.json')], { cwd: root });
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('nothing to import');
    expect(again.stdout).toContain('4 already imported');
    expect(filesUnder(root)).toEqual(before);
  });

  it('--dry-run prints the files and writes none', async () => {
    const root = makeIdeasRepo();
    const before = filesUnder(root);
    const result = await runCli(['import', 'github', fixture('github-issues.json'), '--dry-run'], {
      cwd: root,
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^--- ideas\/[a-z0-9]+-offer-overnight-shipping\.md$/m);
    expect(result.stdout).toContain('source: github:acme/shop#12');
    expect(result.stdout).toContain('would import 4 ideas, 5 votes, 7 decisions');
    expect(filesUnder(root)).toEqual(before);
    const json = await runCli(
      ['import', 'github', fixture('github-issues.json'), '--dry-run', '--format', 'json'],
      { cwd: root },
    );
    const plan = JSON.parse(json.stdout) as {
      schema: number;
      files: { path: string }[];
      notes: unknown[];
    };
    expect(plan.schema).toBe(1);
    expect(plan.files.filter((f) => f.path.startsWith('ideas/'))).toHaveLength(4);
    expect(plan.notes.length).toBeGreaterThan(0);
    expect(filesUnder(root)).toEqual(before);
  });

  it('--add-people adds unknown authors to the config; without it they are named on stderr', async () => {
    const root = makeIdeasRepo();
    const result = await runCli(['import', 'fider', fixture('fider-posts.csv')], { cwd: root });
    expect(result.stderr).toContain('"jane-doe" is not under people');
    const added = makeIdeasRepo();
    const withPeople = await runCli(
      ['import', 'fider', fixture('fider-posts.csv'), '--add-people'],
      { cwd: added },
    );
    expect(withPeople.code).toBe(0);
    expect(withPeople.stdout).toContain('people added to ideas.config.yaml');
    const config = parseDocument(readFileSync(join(added, 'ideas.config.yaml'), 'utf8')).toJS() as {
      people: Record<string, unknown>;
      reviewers: string[];
    };
    expect(Object.keys(config.people)).toEqual(
      expect.arrayContaining(['alice', 'jane-doe', 'zoe-angstrom', 'faceless', 'ghost']),
    );
    expect(config.reviewers).toEqual(['carol', 'dave']);
    const validate = await runCli(['validate'], { cwd: added });
    expect(validate.stdout).not.toContain('idea/unknown-person');
  });

  it('refuses a --reviewer who is not a configured reviewer, writing nothing', async () => {
    const root = makeIdeasRepo();
    const before = filesUnder(root);
    const result = await runCli(
      ['import', 'github', fixture('github-issues.json'), '--reviewer', 'alice'],
      { cwd: root },
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--reviewer alice is not a configured reviewer');
    expect(filesUnder(root)).toEqual(before);
  });

  it('commits on a new branch with --branch, leaving the checkout alone', async () => {
    const root = makeIdeasRepo();
    const result = await runCli(['import', 'github', fixture('github-issues.json'), '--branch'], {
      cwd: root,
    });
    expect(result.code).toBe(0);
    const branch = /on the branch (\S+)/.exec(result.stdout)?.[1] ?? '';
    expect(branch).toMatch(/^import\/github-2026-11-24-/);
    expect(git(root, 'ls-tree', '-r', '--name-only', branch)).toContain('votes/');
    expect(git(root, 'status', '--porcelain')).toBe('');
  });
});

describe('ideas import from CSV exports', () => {
  it('fider: statuses, merged posts, responses as rationale, deleted posts named', async () => {
    const root = makeIdeasRepo();
    const result = await runCli(['import', 'fider', fixture('fider-posts.csv')], { cwd: root });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('fider-posts.csv:8 (fider 21): status "deleted"');
    await expectValid(root);
    const original = ideaBySource(root, 'fider:15');
    const merged = ideaBySource(root, 'fider:20');
    const [decision] = filesUnder(root).filter((p) => p.startsWith(`decisions/${merged.id}/`));
    expect(frontMatter(root, decision ?? '')).toMatchObject({
      status: 'duplicate',
      duplicate_of: original.id,
      date: '2026-03-17',
    });
    expect(readFileSync(join(root, decision ?? ''), 'utf8')).toContain('Same as single sign-on');
    const exported = ideaBySource(root, 'fider:10');
    expect(frontMatter(root, exported.path)).toMatchObject({
      authors: ['jane-doe'],
      tags: ['reports', 'export'],
    });
    // The source's own "##" headings do not pose as the template's sections.
    expect(readFileSync(join(root, exported.path), 'utf8')).toContain('### Details');
    const sso = ideaBySource(root, 'fider:15');
    expect(frontMatter(root, sso.path).authors).toEqual(['zoe-angstrom']);
    const rank = await runCli(['show', original.id, '--format', 'json'], { cwd: root });
    // Votes on the merged post count for the original, as for every duplicate.
    expect(JSON.parse(rank.stdout)).toMatchObject({ votes: 3 });
  });

  it('canny: merged into another post, duplicates in the file, emoji and formula-looking text', async () => {
    const root = makeIdeasRepo();
    const result = await runCli(['import', 'canny', fixture('canny-posts.csv')], { cwd: root });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('appears twice in the file');
    await expectValid(root);
    const app = ideaBySource(root, 'canny:https://acme.canny.io/feature-requests/p/mobile-app');
    const iphone = ideaBySource(root, 'canny:https://acme.canny.io/feature-requests/p/iphone-app');
    const [decision] = filesUnder(root).filter((p) => p.startsWith(`decisions/${iphone.id}/`));
    expect(frontMatter(root, decision ?? '')).toMatchObject({ duplicate_of: app.id });
    expect(frontMatter(root, app.path)).toMatchObject({
      authors: ['pat'],
      tags: ['mobile', 'ios'],
    });
    const csv = await runCli(['export', '--format', 'csv'], { cwd: root });
    expect(csv.stdout).toContain('Slack alerts 🔔');
  });

  it('uservoice: an unknown status is named and left open, --map-status maps it', async () => {
    const root = makeIdeasRepo();
    const result = await runCli(['import', 'uservoice', fixture('uservoice-ideas.csv')], {
      cwd: root,
    });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('status "Someday maybe" has no match');
    await expectValid(root);
    const teleport = ideaBySource(root, 'uservoice:1004');
    const list = await runCli(['show', teleport.id, '--format', 'json'], { cwd: root });
    expect(JSON.parse(list.stdout)).toMatchObject({ status: 'proposed' });

    const mapped = makeIdeasRepo();
    await runCli(
      [
        'import',
        'uservoice',
        fixture('uservoice-ideas.csv'),
        '--map-status',
        'someday maybe=deferred',
      ],
      { cwd: mapped },
    );
    await expectValid(mapped);
    const deferred = ideaBySource(mapped, 'uservoice:1004');
    const show = await runCli(['show', deferred.id, '--format', 'json'], { cwd: mapped });
    expect(JSON.parse(show.stdout)).toMatchObject({ status: 'deferred' });
    const offline = ideaBySource(mapped, 'uservoice:1001');
    expect(frontMatter(mapped, offline.path).authors).toEqual(['ann']);
  });

  it('names the columns a file lacks', async () => {
    const root = makeIdeasRepo();
    const result = await runCli(['import', 'fider', fixture('canny-posts.csv')], { cwd: root });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('has no "created_at" column');
  });
});

describe('ideas import json, from anyone', () => {
  it('a path, status or voter in the document cannot point out of the layout', async () => {
    const root = makeIdeasRepo();
    const doc = {
      schema: 1,
      ideas: [
        {
          id: 'evil01',
          title: 'Evil',
          kind: 'idea',
          status: 'rejected',
          authors: ['alice'],
          team: null,
          created: '2026-11-01',
          tags: [],
          parent: null,
          campaign: null,
          source: null,
          estimates: {},
          support: { votes: 0, points: 0 },
          body: '## Problem\nx\n\n## Proposal\ny\n\n## Evidence\nz\n',
          path: '../../outside.md',
          votes: [
            {
              voter: '../../../etc/x',
              points: 1,
              date: '2026-11-02',
              customers: [],
              recordedBy: null,
              comment: '',
            },
          ],
          decisions: [
            {
              status: '../../../escape',
              date: '2026-11-03',
              reviewers: ['carol'],
              duplicateOf: null,
              scores: {},
              rationale: 'no',
              path: 'x',
            },
          ],
        },
      ],
    };
    const result = await runCli(['import', 'json', '-'], {
      cwd: root,
      stdin: JSON.stringify(doc),
    });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('is not a status and a date: left out');
    expect(filesUnder(root)).toEqual(
      expect.arrayContaining(['ideas/evil01-evil.md', 'votes/evil01/etc-x.md']),
    );
    expect(filesUnder(root).filter((p) => p.includes('evil01'))).toHaveLength(2);
    expect(existsSync(join(root, '..', 'outside.md'))).toBe(false);
    await expectValid(root);
  });
});

describe('ideas export', () => {
  it('json: every idea with status, votes and decisions; csv: one sanitised row each', async () => {
    const root = makeIdeasRepo('alice@example.com', {
      ...TREE,
      'ideas/form01-formula.md': `---\nid: form01\ntitle: "=HYPERLINK(1)"\nauthors: [bob]\ncreated: 2026-11-02\n---\n## Problem\nx\n\n## Proposal\ny\n\n## Evidence\nz\n`,
      'votes/ship01/bob.md': '---\nidea: ship01\nvoter: bob\npoints: 2\ndate: 2026-11-03\n---\n',
      'decisions/ship01/2026-11-04-reviewing.md':
        '---\nidea: ship01\nstatus: reviewing\ndate: 2026-11-04\nreviewers: [carol]\n---\n',
    });
    const json = await runCli(['export'], { cwd: root });
    expect(json.code).toBe(0);
    const doc = JSON.parse(json.stdout) as {
      schema: number;
      ideas: { id: string; status: string; votes: unknown[]; decisions: unknown[] }[];
    };
    expect(doc.schema).toBe(1);
    expect(doc.ideas.map((i) => i.id)).toEqual(['form01', 'price01', 'ship01', 'theme01']);
    expect(doc.ideas.find((i) => i.id === 'ship01')).toMatchObject({
      status: 'reviewing',
      support: { votes: 1, points: 2 },
      votes: [{ voter: 'bob', points: 2, date: '2026-11-03', recordedBy: null }],
      decisions: [{ status: 'reviewing', reviewers: ['carol'], duplicateOf: null }],
    });
    const csv = await runCli(['export', '--format', 'csv'], { cwd: root });
    const lines = csv.stdout.split('\r\n');
    expect(lines[0]).toBe(
      'id,title,kind,status,authors,team,created,tags,parent,campaign,source,votes,points,voters,decisions,decided,path',
    );
    expect(lines.find((l) => l.startsWith('form01,'))).toContain(`,'=HYPERLINK(1),`);
    expect(lines.find((l) => l.startsWith('ship01,'))).toContain(',1,2,bob,1,2026-11-04,');
  });

  it('round trip: export, import json into an empty repository, export again: the same document', async () => {
    const source = makeIdeasRepo();
    await runCli(['import', 'fider', fixture('fider-posts.csv'), '--add-people'], { cwd: source });
    await runCli(['import', 'github', fixture('github-issues.json')], { cwd: source });
    const first = await runCli(['export'], { cwd: source });
    // An empty repository with the same settings (the people the first import added).
    const target = makeRepo({
      'ideas.config.yaml': readFileSync(join(source, 'ideas.config.yaml'), 'utf8'),
    });
    const imported = await runCli(['import', 'json', '-'], { cwd: target, stdin: first.stdout });
    expect(imported.code).toBe(0);
    // Nothing is left out: the only notes are about people the config does not list.
    for (const line of imported.stderr.split('\n').filter(Boolean))
      expect(line).toMatch(/is not under people/);
    await expectValid(target);
    const second = await runCli(['export'], { cwd: target });
    expect(JSON.parse(second.stdout)).toEqual(JSON.parse(first.stdout));
    const again = await runCli(['import', 'json', '-'], { cwd: target, stdin: first.stdout });
    expect(again.stdout).toContain('nothing to import');
  });
});
