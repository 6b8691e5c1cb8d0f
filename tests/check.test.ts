/**
 * `ideas check`: each attack of issue 6 on a real repository with a bare remote exits 1 and
 * names the rule, the file and who may make the change; the allowed changes exit 0.
 */
import { execFileSync } from 'node:child_process';
import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { POLICY_RULES } from '../src/policy/policy.js';
import { runCli } from './helpers/cli.js';
import { git, tempDir } from './helpers/repo.js';
import {
  BASE_TREE,
  branchAs,
  commitAs,
  decisionText,
  gitAs,
  ideaText,
  makeForge,
  voteText,
  type Forge,
} from './helpers/forge.js';

interface JsonProblem {
  rule: string;
  file: string;
  line: number;
  message: string;
  allowed?: string;
}

async function check(forge: Forge, args: string[] = [], env: Record<string, string> = {}) {
  const result = await runCli(['check', '--base', 'origin/main', '--format', 'json', ...args], {
    cwd: forge.root,
    env: { GITHUB_ACTOR: undefined, GITLAB_USER_LOGIN: undefined, ...env },
  });
  const report =
    result.stdout === ''
      ? undefined
      : (JSON.parse(result.stdout) as {
          ok: boolean;
          actor: { handle: string | null; source: string; people: string[] };
          changes: { status: string; path: string; from?: string; kind: string }[];
          problems: JsonProblem[];
        });
  return { ...result, report, rules: report?.problems.map((p) => `${p.rule} ${p.file}`) ?? [] };
}

/** A branch by `person`, checked with `--actor person`. */
async function attempt(person: string, files: Record<string, string | null>, args: string[] = []) {
  const forge = makeForge();
  branchAs(forge, person, 'pr', files);
  return check(forge, ['--actor', person, ...args]);
}

function expectViolation(
  result: Awaited<ReturnType<typeof check>>,
  rule: string,
  file: string,
  who: RegExp,
) {
  expect(result.code).toBe(1);
  const problem = result.report?.problems.find((p) => p.rule === rule && p.file === file);
  expect(problem, `${rule} on ${file} in ${result.rules.join('; ')}`).toBeDefined();
  expect(problem?.allowed).toMatch(who);
  expect(problem?.message).toContain(problem?.allowed ?? '');
}

describe('ideas check: allowed changes pass', () => {
  it('own vote', async () => {
    const result = await attempt('erin', { 'votes/shipa1/erin.md': voteText('shipa1', 'erin') });
    expect(result.rules).toEqual([]);
    expect(result.code).toBe(0);
    expect(result.report?.changes).toEqual([
      { status: 'added', path: 'votes/shipa1/erin.md', kind: 'vote' },
    ]);
  });

  it('own retraction', async () => {
    const result = await attempt('bob', { 'votes/shipa1/bob.md': null });
    expect(result.rules).toEqual([]);
    expect(result.code).toBe(0);
  });

  it("a reviewer's decision", async () => {
    const result = await attempt('carol', {
      'decisions/shipa1/2026-11-20-accepted.md': decisionText('shipa1', 'accepted', '2026-11-20', [
        'carol',
      ]),
    });
    expect(result.rules).toEqual([]);
    expect(result.code).toBe(0);
  });

  it("an author's edit", async () => {
    const result = await attempt('alice', {
      'ideas/shipa1-overnight-shipping.md': ideaText(
        'shipa1',
        'Overnight shipping',
        ['alice'],
        '\nAnd five more this month.',
      ),
    });
    expect(result.rules).toEqual([]);
    expect(result.code).toBe(0);
  });

  it('a new idea by its author, and an author withdrawing their own idea', async () => {
    const result = await attempt('alice', {
      'ideas/wrap77-gift-wrapping.md': ideaText('wrap77', 'Gift wrapping', ['alice']),
      'decisions/shipa1/2026-11-20-withdrawn.md': decisionText(
        'shipa1',
        'withdrawn',
        '2026-11-20',
        ['alice'],
      ),
    });
    expect(result.rules).toEqual([]);
    expect(result.code).toBe(0);
  });

  it('a vote a reviewer records for someone, marked recorded_by', async () => {
    const result = await attempt('dave', {
      'votes/shipa1/erin.md': voteText('shipa1', 'erin', 'recorded_by: dave\n'),
    });
    expect(result.rules).toEqual([]);
    expect(result.code).toBe(0);
  });

  it('a regenerated IDEAS.md needs no reviewer', async () => {
    const result = await attempt('erin', { 'IDEAS.md': '# Ideas\n' });
    expect(result.code).toBe(0);
    expect(result.report?.changes[0]?.kind).toBe('index');
  });
});

describe('ideas check: attacks fail', () => {
  it('a vote for someone else', async () => {
    const result = await attempt('erin', { 'votes/chat22/alice.md': voteText('chat22', 'alice') });
    expectViolation(result, 'policy/vote-voter', 'votes/chat22/alice.md', /only alice may add it/);
  });

  it("changing another's vote", async () => {
    const result = await attempt('erin', {
      'votes/shipa1/bob.md': voteText('shipa1', 'bob').replace('points: 1', 'points: 0'),
    });
    expectViolation(result, 'policy/vote-voter', 'votes/shipa1/bob.md', /only bob may change it/);
  });

  it("deleting another's vote", async () => {
    const result = await attempt('erin', { 'votes/shipa1/bob.md': null });
    expectViolation(result, 'policy/vote-voter', 'votes/shipa1/bob.md', /only bob may retract it/);
  });

  it('a voter claiming a reviewer recorded their vote', async () => {
    const result = await attempt('erin', {
      'votes/chat22/erin.md': voteText('chat22', 'erin', 'recorded_by: carol\n'),
    });
    expectViolation(result, 'policy/vote-voter', 'votes/chat22/erin.md', /reviewer/);
  });

  it('a contributor writing a decision', async () => {
    const result = await attempt('bob', {
      'decisions/shipa1/2026-11-20-accepted.md': decisionText('shipa1', 'accepted', '2026-11-20', [
        'carol',
      ]),
    });
    expectViolation(
      result,
      'policy/decision-reviewer',
      'decisions/shipa1/2026-11-20-accepted.md',
      /only a reviewer \(carol, dave\)/,
    );
  });

  it('a reviewer rewriting a merged decision', async () => {
    const path = 'decisions/shipa1/2026-11-12-reviewing.md';
    const result = await attempt('carol', { [path]: `${BASE_TREE[path]}Edited later.\n` });
    expectViolation(result, 'policy/decision-append-only', path, /nobody may rewrite it/);
  });

  it('a reviewer deleting a merged decision', async () => {
    const path = 'decisions/shipa1/2026-11-12-reviewing.md';
    const result = await attempt('carol', { [path]: null });
    expectViolation(result, 'policy/decision-append-only', path, /add a new decision/);
  });

  it('a decision under the quorum', async () => {
    const forge = makeForge({
      ...BASE_TREE,
      'ideas.config.yaml': BASE_TREE['ideas.config.yaml']!.replace('quorum: 1', 'quorum: 2'),
    });
    const path = 'decisions/chat22/2026-11-20-reviewing.md';
    branchAs(forge, 'carol', 'pr', {
      [path]: decisionText('chat22', 'reviewing', '2026-11-20', ['carol']),
    });
    const result = await check(forge, ['--actor', 'carol']);
    expectViolation(result, 'policy/decision-quorum', path, /2 of them/);
  });

  it('an illegal transition', async () => {
    const path = 'decisions/shipa1/2026-11-20-shipped.md';
    const result = await attempt('carol', {
      [path]: decisionText('shipa1', 'shipped', '2026-11-20', ['carol']),
    });
    expectViolation(
      result,
      'policy/transition',
      path,
      /from reviewing a reviewer may move it to accepted/,
    );
  });

  it('a decision dated before the latest merged one', async () => {
    const path = 'decisions/shipa1/2026-11-05-accepted.md';
    const result = await attempt('carol', {
      [path]: decisionText('shipa1', 'accepted', '2026-11-05', ['carol']),
    });
    expectViolation(result, 'policy/transition', path, /date it 2026-11-12 or later/);
  });

  it("an edit to someone else's idea", async () => {
    const path = 'ideas/chat22-live-chat.md';
    const result = await attempt('erin', {
      [path]: ideaText('chat22', 'Live chat', ['dave', 'erin']),
    });
    expectViolation(result, 'policy/idea-author', path, /only its authors \(dave\) or a reviewer/);
  });

  it('a new idea in the name of someone else', async () => {
    const path = 'ideas/wrap77-gift-wrapping.md';
    const result = await attempt('erin', {
      [path]: ideaText('wrap77', 'Gift wrapping', ['alice']),
    });
    expectViolation(result, 'policy/idea-author', path, /only its authors \(alice\)/);
  });

  it('a rename of a vote to another voter', async () => {
    const forge = makeForge();
    git(forge.root, 'checkout', '-q', '-b', 'pr');
    gitAs(forge.root, 'bob', 'mv', 'votes/shipa1/bob.md', 'votes/shipa1/erin.md');
    commitAs(
      forge.root,
      'bob',
      { 'votes/shipa1/erin.md': voteText('shipa1', 'erin') },
      'move my vote',
    );
    const result = await check(forge, ['--actor', 'bob']);
    expect(result.report?.changes).toEqual([
      {
        status: 'renamed',
        path: 'votes/shipa1/erin.md',
        from: 'votes/shipa1/bob.md',
        kind: 'vote',
      },
    ]);
    expectViolation(result, 'policy/vote-voter', 'votes/shipa1/erin.md', /only erin may add it/);
  });

  it('a path with ..', async () => {
    const forge = makeForge();
    git(forge.root, 'checkout', '-q', '-b', 'pr');
    // git refuses ".." from a working tree; a crafted tree object still carries it.
    const blob = execFileSync('git', ['hash-object', '-w', '--stdin'], {
      cwd: forge.root,
      input: voteText('chat22', 'erin'),
    })
      .toString()
      .trim();
    const mk = (input: string) =>
      execFileSync('git', ['mktree'], { cwd: forge.root, input }).toString().trim();
    const dotdot = mk(`100644 blob ${blob}\terin.md\n`);
    const chat = mk(`040000 tree ${dotdot}\t..\n`);
    const head = git(forge.root, 'rev-parse', 'HEAD:').trim();
    const listing = git(forge.root, 'ls-tree', head).replace(/\n$/, '');
    const votes = git(forge.root, 'rev-parse', 'HEAD:votes').trim();
    const votesListing = git(forge.root, 'ls-tree', votes);
    const newVotes = mk(`${votesListing}040000 tree ${chat}\tchat22\n`);
    const top = mk(
      `${listing.replace(/040000 tree \w+\tvotes/, `040000 tree ${newVotes}\tvotes`)}\n`,
    );
    const commit = gitAs(
      forge.root,
      'erin',
      'commit-tree',
      top,
      '-p',
      'HEAD',
      '-m',
      'dotdot',
    ).trim();
    git(forge.root, 'update-ref', 'refs/heads/pr', commit);
    const result = await check(forge, ['--actor', 'erin']);
    expectViolation(result, 'policy/unsafe-path', 'votes/chat22/../erin.md', /nobody may add it/);
  });

  it('a symlink into config', async () => {
    const forge = makeForge();
    git(forge.root, 'checkout', '-q', '-b', 'pr');
    symlinkSync('../../ideas.config.yaml', join(forge.root, 'votes/shipa1/erin.md'));
    commitAs(forge.root, 'erin', {}, 'link');
    const result = await check(forge, ['--actor', 'erin']);
    expectViolation(
      result,
      'policy/unsafe-path',
      'votes/shipa1/erin.md',
      /replace the link with the file itself/,
    );
  });

  it('a file in the wrong folder', async () => {
    const path = 'votes/shipa1/extra/erin.md';
    const result = await attempt('erin', { [path]: voteText('shipa1', 'erin') });
    expect(result.rules).toContain(`repo/misplaced-file ${path}`);
    expectViolation(result, 'policy/reviewer-only', path, /only a reviewer \(carol, dave\)/);
  });

  it('a case twin of a layout folder', async () => {
    const path = 'Votes/shipa1/erin.md';
    const result = await attempt('erin', { [path]: voteText('shipa1', 'erin') });
    expectViolation(result, 'policy/unsafe-path', path, /nobody may add it/);
    expect(result.report?.problems.find((p) => p.rule === 'policy/unsafe-path')?.message).toMatch(
      /only in case/,
    );
  });

  it('a case twin of an existing vote', async () => {
    const path = 'votes/shipa1/Bob.md';
    const result = await attempt('Bob', { [path]: voteText('shipa1', 'Bob') });
    expectViolation(result, 'policy/unsafe-path', path, /use the existing spelling/);
  });

  it('config, CODEOWNERS and workflows need a reviewer', async () => {
    const result = await attempt('erin', {
      'ideas.config.yaml': `${BASE_TREE['ideas.config.yaml']}`.replace(
        'reviewers: [carol, dave]',
        'reviewers: [carol, dave, erin]',
      ),
      '.github/CODEOWNERS': '* @erin\n',
      '.github/workflows/ideas.yml': 'on: push\n',
      'scripts/evil.sh': 'echo hi\n',
    });
    for (const file of [
      'ideas.config.yaml',
      '.github/CODEOWNERS',
      '.github/workflows/ideas.yml',
      'scripts/evil.sh',
    ])
      expectViolation(result, 'policy/reviewer-only', file, /only a reviewer \(carol, dave\)/);
  });

  it('an invalid touched file fails with its validation rule', async () => {
    const path = 'votes/nosuch/erin.md';
    const result = await attempt('erin', { [path]: voteText('nosuch', 'erin') });
    expect(result.code).toBe(1);
    expect(result.rules).toContain(`vote/unknown-idea ${path}`);
  });

  it('an id that collides with the base', async () => {
    const path = 'ideas/shipa1-faster-shipping.md';
    const result = await attempt('erin', {
      [path]: ideaText('shipa1', 'Faster shipping', ['erin']),
    });
    expectViolation(result, 'policy/duplicate-id', path, /new id/);
  });

  it("an id that collides with another branch's (--open-prs)", async () => {
    const forge = makeForge();
    branchAs(
      forge,
      'alice',
      'idea/wrap77-gift-wrapping',
      { 'ideas/wrap77-gift-wrapping.md': ideaText('wrap77', 'Gift wrapping', ['alice']) },
      { push: true },
    );
    const path = 'ideas/wrap77-wrap-it.md';
    branchAs(
      forge,
      'erin',
      'idea/wrap77-wrap-it',
      { [path]: ideaText('wrap77', 'Wrap it', ['erin']) },
      { push: true },
    );
    const without = await check(forge, ['--actor', 'erin']);
    expect(without.code).toBe(0);
    const result = await check(forge, ['--actor', 'erin', '--open-prs']);
    expectViolation(result, 'policy/duplicate-id', path, /new id/);
    expect(result.report?.problems[0]?.message).toContain('origin/idea/wrap77-gift-wrapping');
    expect(result.report?.problems[0]?.line).toBe(2);
  });
});

describe('ideas check: who is acting', () => {
  it('takes GITHUB_ACTOR and says so', async () => {
    const forge = makeForge();
    branchAs(forge, 'erin', 'pr', { 'votes/shipa1/erin.md': voteText('shipa1', 'erin') });
    const result = await check(forge, [], { GITHUB_ACTOR: 'erin' });
    expect(result.report?.actor).toEqual({ handle: 'erin', source: 'GITHUB_ACTOR', people: [] });
    const text = await runCli(['check', '--base', 'origin/main'], {
      cwd: forge.root,
      env: { GITHUB_ACTOR: 'erin' },
    });
    expect(text.stdout).toContain('acting as erin (from GITHUB_ACTOR)');
    expect(text.code).toBe(0);
  });

  it('takes GITLAB_USER_LOGIN when there is no GITHUB_ACTOR', async () => {
    const forge = makeForge();
    branchAs(forge, 'erin', 'pr', { 'votes/shipa1/erin.md': voteText('shipa1', 'erin') });
    const result = await check(forge, [], { GITLAB_USER_LOGIN: 'bob' });
    expect(result.report?.actor.source).toBe('GITLAB_USER_LOGIN');
    expectViolation(result, 'policy/vote-voter', 'votes/shipa1/erin.md', /only erin/);
  });

  it('falls back on the commit authors of each file, mapped through people', async () => {
    const forge = makeForge();
    branchAs(forge, 'erin', 'pr', { 'votes/shipa1/erin.md': voteText('shipa1', 'erin') });
    commitAs(
      forge.root,
      'carol',
      {
        'decisions/chat22/2026-11-20-reviewing.md': decisionText(
          'chat22',
          'reviewing',
          '2026-11-20',
          ['carol'],
        ),
      },
      'review',
    );
    const allowed = await check(forge);
    expect(allowed.report?.actor).toEqual({
      handle: null,
      source: 'commit authors',
      people: ['carol', 'erin'],
    });
    expect(allowed.rules).toEqual([]);
    commitAs(forge.root, 'mallory', { 'votes/chat22/bob.md': voteText('chat22', 'bob') }, 'forge');
    const refused = await check(forge);
    expectViolation(refused, 'policy/vote-voter', 'votes/chat22/bob.md', /only bob/);
    expect(refused.report?.problems[0]?.message).toContain('mallory@example.com');
  });

  it('refuses an --actor that is not a handle', async () => {
    const forge = makeForge();
    const result = await runCli(['check', '--base', 'origin/main', '--actor', '--evil'], {
      cwd: forge.root,
    });
    expect(result.code).toBe(2);
  });
});

describe('ideas check: history it cannot trust', () => {
  it('a missing base exits 3 and says what to fetch', async () => {
    const forge = makeForge();
    const result = await runCli(['check', '--base', 'origin/release'], { cwd: forge.root });
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('git fetch origin release');
  });

  it('a shallow clone exits 3 and names fetch-depth: 0', async () => {
    const forge = makeForge();
    commitAs(
      forge.root,
      'erin',
      { 'votes/chat22/erin.md': voteText('chat22', 'erin') },
      'more history',
    );
    git(forge.root, 'push', '-q', 'origin', 'main');
    const shallow = join(tempDir(), 'shallow');
    git(forge.root, 'clone', '-q', '--depth', '1', `file://${forge.remote}`, shallow);
    const result = await runCli(['check', '--base', 'origin/main'], { cwd: shallow });
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('fetch-depth: 0');
  });

  it('a ref that looks like an option never reaches git', async () => {
    const forge = makeForge();
    const result = await runCli(['check', '--base=--output=/tmp/x'], { cwd: forge.root });
    expect(result.code).toBe(2); // a usage error: git never ran
    expect(result.stderr).toContain('is not a git ref');
  });
});

describe('ideas check: output formats', () => {
  it('text names the rule, the file and who may make the change', async () => {
    const forge = makeForge();
    branchAs(forge, 'erin', 'pr', { 'votes/chat22/alice.md': voteText('chat22', 'alice') });
    const result = await runCli(['check', '--base', 'origin/main', '--actor', 'erin'], {
      cwd: forge.root,
    });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(
      /votes\/chat22\/alice\.md:3:1 {2}error +policy\/vote-voter {2}erin added the vote of alice; only alice may add it/,
    );
  });

  it('github writes annotations on the right line', async () => {
    const forge = makeForge();
    branchAs(forge, 'erin', 'pr', { 'votes/chat22/alice.md': voteText('chat22', 'alice') });
    const result = await runCli(
      ['check', '--base', 'origin/main', '--actor', 'erin', '--format', 'github'],
      {
        cwd: forge.root,
      },
    );
    expect(result.code).toBe(1);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toMatch(/^::notice title=ideas check::.*acting as erin \(from --actor\)/);
    expect(lines[1]).toMatch(
      /^::error file=votes\/chat22\/alice\.md,line=3,col=1,title=policy\/vote-voter::erin added/,
    );
  });
});

describe('ideas check: more ways around the rules', () => {
  it('a contributor making themselves a reviewer and deciding in the same branch', async () => {
    const decision = 'decisions/chat22/2026-11-20-accepted.md';
    const result = await attempt('erin', {
      'ideas.config.yaml': BASE_TREE['ideas.config.yaml']!.replace(
        'reviewers: [carol, dave]',
        'reviewers: [carol, dave, erin]',
      ),
      'decisions/chat22/2026-11-20-reviewing.md': decisionText(
        'chat22',
        'reviewing',
        '2026-11-20',
        ['erin'],
      ),
      [decision]: decisionText('chat22', 'accepted', '2026-11-20', ['erin']),
    });
    expectViolation(
      result,
      'policy/reviewer-only',
      'ideas.config.yaml',
      /only a reviewer \(carol, dave\)/,
    );
    expectViolation(
      result,
      'policy/decision-reviewer',
      decision,
      /only a reviewer \(carol, dave\)/,
    );
    expectViolation(result, 'policy/decision-quorum', decision, /carol, dave/);
  });

  it('a vote in my file name that names someone else as voter', async () => {
    const path = 'votes/chat22/erin.md';
    const result = await attempt('erin', { [path]: voteText('chat22', 'alice') });
    expectViolation(result, 'policy/vote-voter', path, /only alice \/ erin may add it/);
  });

  it('a submodule in a record folder', async () => {
    const forge = makeForge();
    git(forge.root, 'checkout', '-q', '-b', 'pr');
    const head = git(forge.root, 'rev-parse', 'HEAD').trim();
    git(forge.root, 'update-index', '--add', '--cacheinfo', `160000,${head},votes/shipa1/erin.md`);
    gitAs(forge.root, 'erin', 'commit', '-q', '-m', 'submodule');
    const result = await check(forge, ['--actor', 'erin']);
    expectViolation(result, 'policy/unsafe-path', 'votes/shipa1/erin.md', /commit plain files/);
  });

  it('an ideas root in a subfolder: paths from the top, code outside it ignored, CI files owned', async () => {
    const tree = Object.fromEntries(
      Object.entries(BASE_TREE).map(([path, text]) => [`team/ideas/${path}`, text]),
    );
    const forge = makeForge({ ...tree, 'src/app.ts': 'export {};\n' });
    branchAs(forge, 'erin', 'pr', {
      'src/app.ts': 'export const x = 1;\n',
      'team/ideas/votes/chat22/alice.md': voteText('chat22', 'alice'),
      'team/ideas/votes/chat22/erin.md': voteText('chat22', 'erin'),
      '.github/workflows/ideas.yml': 'on: push\n',
    });
    const result = await runCli(
      ['check', '--base', 'origin/main', '--actor', 'erin', '--format', 'json'],
      {
        cwd: join(forge.root, 'team/ideas'),
      },
    );
    const report = JSON.parse(result.stdout) as {
      changes: { path: string }[];
      problems: JsonProblem[];
    };
    expect(report.changes.map((c) => c.path)).toEqual([
      '.github/workflows/ideas.yml',
      'team/ideas/votes/chat22/alice.md',
      'team/ideas/votes/chat22/erin.md',
    ]);
    expect(report.problems.map((p) => `${p.rule} ${p.file}`)).toEqual([
      'policy/reviewer-only .github/workflows/ideas.yml',
      'policy/vote-voter team/ideas/votes/chat22/alice.md',
    ]);
    expect(result.code).toBe(1);
  });

  it('a file name with terminal escapes never reaches the terminal', async () => {
    const path = 'votes/chat22/e\u001b[2Jrin.md';
    const forge = makeForge();
    branchAs(forge, 'erin', 'pr', { [path]: voteText('chat22', 'erin') });
    const json = await check(forge, ['--actor', 'erin']);
    expectViolation(json, 'policy/unsafe-path', path, /nobody may add it/);
    const text = await runCli(['check', '--base', 'origin/main', '--actor', 'erin'], {
      cwd: forge.root,
    });
    expect(text.code).toBe(1);
    expect(text.stdout).not.toContain('\u001b');
    expect(text.stdout).toContain('control characters');
  });

  it('a decomposed (NFD) twin of an existing name', async () => {
    const forge = makeForge({
      ...BASE_TREE,
      'votes/chat22/jos\u00e9.md': voteText('chat22', 'jose'),
    });
    const path = 'votes/chat22/jose\u0301.md';
    branchAs(forge, 'erin', 'pr', { [path]: voteText('chat22', 'erin') });
    const result = await check(forge, ['--actor', 'erin']);
    expectViolation(result, 'policy/unsafe-path', path, /nobody may add it/);
  });

  it('the README documents every policy rule', () => {
    const readme = readFileSync(join(import.meta.dirname, '..', 'README.md'), 'utf8');
    for (const rule of Object.keys(POLICY_RULES)) expect(readme).toContain(`| \`${rule}\``);
  });
});

describe('ideas check: authority is read at the tip of the base, never at the merge base', () => {
  /** Main: C1 makes mallory a reviewer, C2 removes her. A branch from C1 decides as mallory. */
  function forgeWithRevokedReviewer(): Forge {
    const withMallory = CONFIG_WITH('[carol, dave, erin]');
    const forge = makeForge({ ...BASE_TREE, 'ideas.config.yaml': withMallory });
    const c1 = git(forge.root, 'rev-parse', 'HEAD').trim();
    commitAs(forge.root, 'carol', { 'ideas.config.yaml': CONFIG_WITH('[carol, dave]') }, 'C2');
    git(forge.root, 'push', '-q', 'origin', 'main');
    git(forge.root, 'checkout', '-q', '-b', 'pr', c1);
    commitAs(
      forge.root,
      'erin',
      {
        'decisions/chat22/2026-11-20-reviewing.md': decisionText(
          'chat22',
          'reviewing',
          '2026-11-20',
          ['erin'],
        ),
      },
      'erin decides',
    );
    return forge;
  }

  it('a revoked reviewer deciding on a branch from before the revocation fails', async () => {
    const result = await check(forgeWithRevokedReviewer(), ['--actor', 'erin']);
    expect(result.code).toBe(1);
    expect(result.rules).toContain(
      'policy/decision-reviewer decisions/chat22/2026-11-20-reviewing.md',
    );
    // The diff still comes from the merge base: the branch's only change is the decision.
    expect(result.report?.changes.map((c) => c.path)).toEqual([
      'decisions/chat22/2026-11-20-reviewing.md',
    ]);
  });

  it('the same decision by a reviewer of the tip passes', async () => {
    const forge = makeForge({ ...BASE_TREE, 'ideas.config.yaml': CONFIG_WITH('[carol]') });
    const c1 = git(forge.root, 'rev-parse', 'HEAD').trim();
    commitAs(forge.root, 'carol', { 'ideas.config.yaml': CONFIG_WITH('[carol, erin]') }, 'C2');
    git(forge.root, 'push', '-q', 'origin', 'main');
    git(forge.root, 'checkout', '-q', '-b', 'pr', c1);
    commitAs(
      forge.root,
      'erin',
      {
        'decisions/chat22/2026-11-20-reviewing.md': decisionText(
          'chat22',
          'reviewing',
          '2026-11-20',
          ['erin'],
        ),
      },
      'erin decides',
    );
    const result = await check(forge, ['--actor', 'erin']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });

  it('a transition is judged from the status on the tip', async () => {
    const forge = makeForge();
    const c1 = git(forge.root, 'rev-parse', 'HEAD').trim();
    // On main, shipa1 was rejected after the branch started: it cannot be accepted any more.
    commitAs(
      forge.root,
      'carol',
      {
        'decisions/shipa1/2026-11-14-rejected.md': decisionText(
          'shipa1',
          'rejected',
          '2026-11-14',
          ['carol'],
        ),
      },
      'reject',
    );
    git(forge.root, 'push', '-q', 'origin', 'main');
    git(forge.root, 'checkout', '-q', '-b', 'pr', c1);
    commitAs(
      forge.root,
      'dave',
      {
        'decisions/shipa1/2026-11-15-accepted.md': decisionText(
          'shipa1',
          'accepted',
          '2026-11-15',
          ['dave'],
        ),
      },
      'accept',
    );
    const result = await check(forge, ['--actor', 'dave']);
    expect(result.code).toBe(1);
    expect(result.rules).toContain('policy/transition decisions/shipa1/2026-11-15-accepted.md');
  });
});

function CONFIG_WITH(reviewers: string): string {
  return BASE_TREE['ideas.config.yaml']!.replace(
    'reviewers: [carol, dave]',
    `reviewers: ${reviewers}`,
  );
}
