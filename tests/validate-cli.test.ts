/** `ideas validate` as a user runs it: real repositories in temporary folders, in-process run(). */
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBinary, runCli } from './helpers/cli.js';
import { commitAll, makeRepo, tempDir, writeTree, type Tree } from './helpers/repo.js';

const CONFIG = `version: 1
teams:
  sales: {}
people:
  alice: {}
  bob: {}
  carol: {}
reviewers: [carol]
`;

function body(topic: string): string {
  return `## Problem\n${topic} problem.\n\n## Proposal\n${topic} proposal.\n\n## Evidence\n${topic} evidence.\n`;
}

function idea(id: string, title: string, extra = ''): string {
  return `---\nid: ${id}\ntitle: ${title}\nauthors: [alice]\ncreated: 2026-10-01\n${extra}---\n${body(title)}`;
}

const GOOD: Tree = {
  'ideas.config.yaml': CONFIG,
  'ideas/abc123-overnight-shipping.md': idea('abc123', 'Overnight shipping', 'team: sales\n'),
  'ideas/def456-night-shift-pallets.md': idea('def456', 'Pallets for the night shift'),
  'votes/abc123/bob.md': '---\nidea: abc123\nvoter: bob\ndate: 2026-10-02\n---\nYes.\n',
  'decisions/abc123/2026-10-05-reviewing.md':
    '---\nidea: abc123\nstatus: reviewing\ndate: 2026-10-05\nreviewers: [carol]\n---\n',
};

/** Broken files of every kind: front matter, fields, ideas, votes, decisions, layout. */
const BROKEN: Tree = {
  ...GOOD,
  'ideas/aaa111-engine.md': '---js\n{ id: "aaa111" }\n---\n',
  'ideas/bbb222-yaml.md': '---\nid: bbb222\n  title: bad\n---\n',
  'ideas/ccc333-none.md': '# no front matter\n',
  'ideas/ddd444-team.md': idea('ddd444', 'Unknown team', 'team: marketing\n'),
  'ideas/eee555-field.md': idea('eee555', 'Odd field', '"line one\\nline two": x\n'),
  'ideas/notes.txt': 'not a record\n',
  'votes/zzz999/bob.md': '---\nidea: zzz999\nvoter: bob\ndate: 2026-10-02\n---\n',
  'decisions/abc123/2026-10-06-teleported.md':
    '---\nidea: abc123\nstatus: teleported\ndate: 2026-10-06\nreviewers: [carol]\n---\n',
};

interface JsonReport {
  ok: boolean;
  files: number;
  problems: {
    rule: string;
    severity: string;
    file: string;
    line: number;
    column: number;
    message: string;
  }[];
}

const TEXT_LINE = /^(\S+):(\d+):(\d+) {2}(error|warning) {2,}([a-z-]+\/[a-z-]+) {2}(\S.*)$/;

function rulesOf(report: JsonReport): string[] {
  return report.problems.map((p) => `${p.file} ${p.rule}`).sort();
}

async function validateJson(cwd: string, ...args: string[]) {
  const result = await runCli(['validate', '--format', 'json', ...args], { cwd });
  return { ...result, report: JSON.parse(result.stdout) as JsonReport };
}

describe('ideas validate: a clean repository', () => {
  it('exits 0 with a one-line summary', async () => {
    const root = makeRepo(GOOD);
    const result = await runCli(['validate'], { cwd: root });
    expect(result).toEqual({ code: 0, stdout: '✓ 4 files checked, no problems\n', stderr: '' });
  });

  it('prints {ok: true} in JSON', async () => {
    const { code, report } = await validateJson(makeRepo(GOOD));
    expect(code).toBe(0);
    expect(report).toEqual({ schema: 1, ok: true, files: 4, problems: [] });
  });
});

describe('ideas validate: broken files of every kind', () => {
  const expected = [
    'decisions/abc123/2026-10-06-teleported.md decision/unknown-status',
    'ideas/aaa111-engine.md front-matter/engine',
    'ideas/bbb222-yaml.md front-matter/yaml',
    'ideas/ccc333-none.md front-matter/missing',
    'ideas/ddd444-team.md idea/unknown-team',
    'ideas/eee555-field.md field/unknown',
    'ideas/notes.txt repo/misplaced-file',
    'votes/zzz999/bob.md vote/unknown-idea',
  ];

  it('lists every problem in text as "path:line:column  severity  rule-id  message" and exits 1', async () => {
    const root = makeRepo(BROKEN);
    const result = await runCli(['validate'], { cwd: root });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('');
    const lines = result.stdout.trimEnd().split('\n');
    const summary = lines.pop();
    expect(lines.pop()).toBe('');
    expect(summary).toBe('✖ 7 errors, 1 warning in 11 files');
    const parsed = lines.map((line) => {
      const match = TEXT_LINE.exec(line);
      expect(match, line).not.toBeNull();
      return match ?? [];
    });
    expect(parsed.map((m) => `${m[1]} ${m[5]}`).sort()).toEqual(expected);
    expect(lines).toContain(
      'ideas/bbb222-yaml.md:3:8  error  front-matter/yaml  the front matter is not valid YAML (bad indentation of a mapping entry): fix the syntax at this place',
    );
    expect(lines.find((l) => l.includes('idea/unknown-team'))).toMatch(
      /^ideas\/ddd444-team\.md:6:1 {2}error {2,}idea\/unknown-team {2}unknown team "marketing": use one of sales/,
    );
    // A newline inside a message never starts a new output line.
    expect(lines.find((l) => l.includes('field/unknown'))).toContain('"line one line two"');
  });

  it('prints parseable JSON and nothing else on stdout', async () => {
    const { code, stdout, stderr, report } = await validateJson(makeRepo(BROKEN));
    expect(code).toBe(1);
    expect(stderr).toBe('');
    expect(stdout.trim().startsWith('{')).toBe(true);
    expect(Object.keys(report)).toEqual(['schema', 'ok', 'files', 'problems']);
    expect(report.ok).toBe(false);
    expect(report.files).toBe(11);
    expect(rulesOf(report)).toEqual(expected);
    for (const problem of report.problems) {
      expect(Object.keys(problem)).toEqual([
        'rule',
        'severity',
        'file',
        'line',
        'column',
        'message',
      ]);
      expect(problem.line).toBeGreaterThanOrEqual(1);
      expect(problem.column).toBeGreaterThanOrEqual(1);
      expect(problem.message.length).toBeGreaterThan(10);
    }
    // A key written with an escape cannot be found in the text: the problem falls back to line 2.
    expect(report.problems.find((p) => p.rule === 'field/unknown')).toMatchObject({
      severity: 'warning',
      line: 2,
      column: 1,
      message: expect.stringMatching(/^unknown field "line one\nline two" in an idea/),
    });
    expect(report.problems.find((p) => p.rule === 'front-matter/engine')).toMatchObject({
      line: 1,
      column: 4,
    });
  });

  it('is ok in JSON when there are only warnings, and exits 0', async () => {
    const root = makeRepo({
      ...GOOD,
      'ideas/eee555-field.md': idea('eee555', 'Odd field', 'colour: blue\n'),
    });
    const { code, report } = await validateJson(root);
    expect(code).toBe(0);
    expect(report.ok).toBe(true);
    expect(rulesOf(report)).toEqual(['ideas/eee555-field.md field/unknown']);
  });

  it('writes GitHub annotations, escaping newlines in messages as %0A', async () => {
    const root = makeRepo(BROKEN);
    const result = await runCli(['validate', '--format', 'github'], { cwd: root });
    expect(result.code).toBe(1);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines.pop()).toBe('7 errors, 1 warning in 11 files');
    expect(lines).toHaveLength(expected.length);
    for (const line of lines) {
      expect(line).toMatch(/^::(error|warning) file=[^,]+,line=\d+,col=\d+,title=[^:]+::\S/);
    }
    expect(lines).toContain(
      '::error file=ideas/ddd444-team.md,line=6,col=1,title=idea/unknown-team::unknown team "marketing": use one of sales, or add it under teams in ideas.config.yaml',
    );
    const field = lines.find((l) => l.includes('field/unknown'));
    expect(field).toMatch(/^::warning file=ideas\/eee555-field\.md,line=2,col=1,/);
    expect(field).toContain('"line one%0Aline two"');
  });

  it('names a file with a newline in its name as %0A, so the annotation points at that file', async () => {
    const root = makeRepo({
      ...GOOD,
      'votes/aaa111/ze\nd.md': '---\nidea: aaa111\nvoter: zed\ndate: 2026-06-01\n---\n',
    });
    const result = await runCli(['validate', '--format', 'github'], { cwd: root });
    const annotations = result.stdout.split('\n').filter((line) => line.startsWith('::'));
    expect(annotations.length).toBeGreaterThan(0);
    for (const line of annotations) expect(line).toContain('file=votes/aaa111/ze%0Ad.md,');
    // Nothing of the name starts a line of its own, where the runner would read a command.
    expect(result.stdout.split('\n').filter((line) => line.startsWith('d.md'))).toEqual([]);
  });
});

describe('ideas validate [paths…]', () => {
  it('reports only the named files', async () => {
    const root = makeRepo(BROKEN);
    const { code, report } = await validateJson(
      root,
      'ideas/ddd444-team.md',
      'votes/zzz999/bob.md',
    );
    expect(code).toBe(1);
    expect(report.files).toBe(2);
    expect(rulesOf(report)).toEqual([
      'ideas/ddd444-team.md idea/unknown-team',
      'votes/zzz999/bob.md vote/unknown-idea',
    ]);
  });

  it('reports every file under a named folder, including files it could not read', async () => {
    const root = makeRepo(BROKEN);
    const { report } = await validateJson(root, 'ideas/');
    expect(rulesOf(report)).toEqual(
      [
        'ideas/aaa111-engine.md front-matter/engine',
        'ideas/bbb222-yaml.md front-matter/yaml',
        'ideas/ccc333-none.md front-matter/missing',
        'ideas/ddd444-team.md idea/unknown-team',
        'ideas/eee555-field.md field/unknown',
        'ideas/notes.txt repo/misplaced-file',
      ].sort(),
    );
  });

  it('takes paths relative to where it runs, and shows paths relative to it', async () => {
    const root = makeRepo(BROKEN);
    const result = await runCli(['validate', 'ddd444-team.md'], { cwd: join(root, 'ideas') });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(
      /^\.\.\/ideas\/ddd444-team\.md:6:1 {2}error {2,}idea\/unknown-team/,
    );
  });

  it('passes when the named files are clean, whatever the rest holds', async () => {
    const root = makeRepo(BROKEN);
    const result = await runCli(['validate', 'ideas/def456-night-shift-pallets.md'], {
      cwd: root,
    });
    expect(result).toMatchObject({ code: 0, stdout: '✓ 1 file checked, no problems\n' });
  });

  it('refuses a path outside the repository with exit 2', async () => {
    const root = makeRepo(GOOD);
    for (const path of ['../elsewhere.md', '/etc/passwd']) {
      const result = await runCli(['validate', path], { cwd: root });
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toContain('is outside the ideas repository');
      expect(result.stderr).not.toContain('root:');
    }
  });
});

describe('ideas validate: where it runs', () => {
  it('exits 2 outside any repository, with a hint to run ideas init', async () => {
    const dir = tempDir();
    const result = await runCli(['validate'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/not inside an ideas repository/);
    expect(result.stderr).toMatch(/hint: .*ideas init/);
  });

  it('exits 2 with --root pointing at a folder without a config, naming ideas init', async () => {
    const dir = tempDir();
    const result = await runCli(['validate', '--root', dir], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/ideas init/);
  });

  it('finds the root from a folder below it', async () => {
    const root = makeRepo(GOOD);
    const result = await runCli(['validate'], { cwd: join(root, 'votes', 'abc123') });
    expect(result.code).toBe(0);
  });

  it('exits 2 on a bad config, naming file:line:column of each problem', async () => {
    const root = makeRepo({
      ...GOOD,
      'ideas.config.yaml': 'version: 1\nvoting:\n  mode: ranked\nreview:\n  quorum: 0\n',
    });
    const result = await runCli(['validate'], { cwd: root });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('ideas.config.yaml is not valid');
    expect(result.stderr).toMatch(
      /ideas\.config\.yaml:3:9 {2}error {2}config\/invalid {2}voting\.mode/,
    );
    expect(result.stderr).toMatch(
      /ideas\.config\.yaml:5:11 {2}error {2}config\/invalid {2}review\.quorum/,
    );
    // Under --format json the same problems are the JSON on stdout, for CI to read.
    const json = await runCli(['validate', '--format', 'json'], { cwd: root });
    expect(json.code).toBe(2);
    const places = JSON.parse(json.stdout).problems.map(
      (p: { line: number; column: number }) => `${p.line}:${p.column}`,
    );
    expect(places).toEqual(['3:9', '5:11']);
  });

  it('exits 2 on an alias bomb in the config, without expanding it', async () => {
    const lines = [CONFIG.trimEnd(), 'x0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
    for (let i = 1; i <= 12; i++) {
      lines.push(`x${i}: &a${i} [${Array.from({ length: 9 }, () => `*a${i - 1}`).join(', ')}]`);
    }
    const root = makeRepo({ ...GOOD, 'ideas.config.yaml': `${lines.join('\n')}\n` });
    const result = await runCli(['validate'], { cwd: root });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(
      /ideas\.config\.yaml:1:1 {2}error {2}config\/invalid {2}cannot be read/,
    );
  });

  it('shows unknown settings as warnings among the problems', async () => {
    const root = makeRepo({ ...GOOD, 'ideas.config.yaml': `${CONFIG}colour: blue\n` });
    const { code, report } = await validateJson(root);
    expect(code).toBe(0);
    expect(report.problems).toEqual([
      expect.objectContaining({
        rule: 'config/invalid',
        severity: 'warning',
        file: 'ideas.config.yaml',
        line: 9,
        column: 1,
      }),
    ]);
  });

  it('never prints a stack trace for an alias bomb in an idea', async () => {
    const lines = ['---', 'l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
    for (let i = 1; i <= 10; i++) {
      lines.push(`l${i}: &l${i} [${Array.from({ length: 9 }, () => `*l${i - 1}`).join(', ')}]`);
    }
    const root = makeRepo({ ...GOOD, 'ideas/bom111-bomb.md': `${lines.join('\n')}\n---\n` });
    const result = await runCli(['validate'], { cwd: root });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^ideas\/bom111-bomb\.md:2:1 {2}error {2,}front-matter\/alias/m);
    expect(result.stderr).toBe('');
  });
});

describe('ideas validate --ref', () => {
  it('reads the committed state, not the working tree', async () => {
    const root = makeRepo(GOOD);
    writeFileSync(join(root, 'ideas', 'abc123-overnight-shipping.md'), '---\nid: [broken\n---\n');
    writeFileSync(join(root, 'ideas', 'new111-untracked.md'), '# not committed\n');

    const working = await validateJson(root);
    expect(working.code).toBe(1);
    expect(rulesOf(working.report)).toEqual(
      expect.arrayContaining([
        'ideas/abc123-overnight-shipping.md front-matter/yaml',
        'ideas/new111-untracked.md front-matter/missing',
      ]),
    );

    const committed = await validateJson(root, '--ref', 'HEAD');
    expect(committed.code).toBe(0);
    expect(committed.report).toEqual({ schema: 1, ok: true, files: 4, problems: [] });

    // Once committed, the ref sees it too.
    commitAll(root, 'break an idea');
    expect((await validateJson(root, '--ref', 'HEAD')).code).toBe(1);
    expect((await validateJson(root, '--ref', 'HEAD~1')).code).toBe(0);
  });

  it('reads the config at the ref: a config broken only in the working tree does not matter', async () => {
    const root = makeRepo(GOOD);
    writeFileSync(join(root, 'ideas.config.yaml'), 'version: 2\n');
    expect((await runCli(['validate'], { cwd: root })).code).toBe(2);
    expect((await runCli(['validate', '--ref', 'HEAD'], { cwd: root })).code).toBe(0);
  });

  it('exits 2 when the ref holds no config', async () => {
    const root = makeRepo({ 'README.md': 'before ideas\n' });
    writeTree(root, GOOD);
    const result = await runCli(['validate', '--ref', 'HEAD'], { cwd: root });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('there is no ideas.config.yaml at HEAD');
  });

  it('exits 3 for a ref git cannot find, and 2 for refs that look like options', async () => {
    const root = makeRepo(GOOD);
    const missing = await runCli(['validate', '--ref', 'no-such-branch'], { cwd: root });
    expect(missing.code).toBe(3);
    expect(missing.stderr).toContain('git cannot find the ref "no-such-branch"');
    const option = await runCli(['validate', '--ref=--output=/tmp/x'], { cwd: root });
    expect(option.code).toBe(2);
    expect(option.stderr).toContain('is not a git ref');
  });

  it('reads a root that is a subfolder of a larger git repository', async () => {
    const top = makeRepo({
      'README.md': '# A bigger project\n',
      'src/app.js': 'console.log(1);\n',
      'ideas/README.md': 'Not the ideas root: a folder of the same name outside it.\n',
      ...Object.fromEntries(
        Object.entries(BROKEN).map(([path, text]) => [`org/ideas/${path}`, text]),
      ),
    });
    const root = join(top, 'org', 'ideas');
    // Fix one file in the working tree only: the ref still holds the broken one.
    writeFileSync(
      join(root, 'ideas', 'ddd444-team.md'),
      idea('ddd444', 'Known team', 'team: sales\n'),
    );

    const atRef = await validateJson(root, '--ref', 'HEAD');
    expect(atRef.code).toBe(1);
    expect(atRef.report.files).toBe(11);
    expect(rulesOf(atRef.report)).toContain('ideas/ddd444-team.md idea/unknown-team');
    const working = await validateJson(root);
    expect(rulesOf(working.report)).not.toContain('ideas/ddd444-team.md idea/unknown-team');

    // From the top of the larger repository with --root, paths show from where the user stands.
    const fromTop = await validateJson(top, '--root', 'org/ideas', '--ref', 'HEAD');
    expect(rulesOf(fromTop.report)).toContain('org/ideas/ideas/ddd444-team.md idea/unknown-team');
  });
});

// Making symbolic links needs extra rights on Windows.
describe.skipIf(process.platform === 'win32')('ideas validate: files it must not read', () => {
  const SECRET = 'TOP-SECRET-7f3a9c-do-not-print';

  function repoWithHazards(): string {
    const outside = tempDir('ideas-outside-');
    // Followed, each file would print the secret: it is an unknown field, named in the warning.
    const record = `---\nid: sec111\ntitle: Secret\nauthors: [alice]\ncreated: 2026-10-01\n${SECRET}: 1\n---\n${body('Secret')}`;
    writeFileSync(join(outside, 'secret.md'), record);
    mkdirSync(join(outside, 'folder'));
    writeFileSync(
      join(outside, 'folder', 'bob.md'),
      `---\nidea: def456\nvoter: bob\ndate: 2026-10-02\n${SECRET}: 1\n---\n`,
    );
    const root = makeRepo(GOOD, { commit: false });
    symlinkSync(join(outside, 'secret.md'), join(root, 'ideas', 'lnk111-link.md'));
    symlinkSync(join(outside, 'folder'), join(root, 'votes', 'def456'));
    writeTree(root, {
      'ideas/big111-huge.md': `---\nid: big111\n---\n${'x'.repeat(1024 * 1024)}\n`,
    });
    writeFileSync(
      join(root, 'ideas', 'bin111-binary.md'),
      Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0x00, 0x01, 0x0a, 0x2d, 0x2d, 0x2d, 0x0a]),
    );
    commitAll(root, 'hazards');
    return root;
  }

  const unreadable = [
    'ideas/big111-huge.md repo/unreadable-file',
    'ideas/bin111-binary.md repo/unreadable-file',
    'ideas/lnk111-link.md repo/unreadable-file',
    'votes/def456 repo/unreadable-file',
  ];

  it('reports links, binaries and files over 1 MiB, from the working tree, and never follows a link', async () => {
    const root = repoWithHazards();
    const { code, stdout, report } = await validateJson(root);
    expect(code).toBe(1);
    expect(rulesOf(report)).toEqual(unreadable);
    expect(report.problems.find((p) => p.file === 'ideas/lnk111-link.md')?.message).toMatch(
      /symbolic links are not followed/,
    );
    expect(report.problems.find((p) => p.file === 'ideas/big111-huge.md')?.message).toMatch(
      /over 1024 KiB/,
    );
    expect(report.problems.find((p) => p.file === 'ideas/bin111-binary.md')?.message).toMatch(
      /binary/,
    );
    expect(stdout).not.toContain(SECRET);
    for (const format of ['text', 'github']) {
      const result = await runCli(['validate', '--format', format], { cwd: root });
      expect(result.code).toBe(1);
      expect(result.stdout + result.stderr).not.toContain(SECRET);
    }
  });

  it('reports the same from --ref, where a link is only its target path', async () => {
    const root = repoWithHazards();
    const { code, stdout, stderr, report } = await validateJson(root, '--ref', 'HEAD');
    expect(code).toBe(1);
    expect(rulesOf(report)).toEqual(unreadable);
    expect(stdout + stderr).not.toContain(SECRET);
  });

  it('reports a symbolic link in place of a record folder', async () => {
    const outside = tempDir('ideas-outside-');
    writeFileSync(join(outside, 'x1abc-secret.md'), `---\nid: x1abc\n${SECRET}: 1\n---\n`);
    const root = makeRepo({ 'ideas.config.yaml': CONFIG });
    symlinkSync(outside, join(root, 'ideas'));
    const { code, stdout, report } = await validateJson(root);
    expect(code).toBe(1);
    expect(rulesOf(report)).toEqual(['ideas repo/unreadable-file']);
    expect(stdout).not.toContain(SECRET);
  });
});

describe('the built binary', () => {
  it('validates a broken repository in JSON with exit 1, and a clean one with exit 0', () => {
    const broken = runBinary(['validate', '--format', 'json'], { cwd: makeRepo(BROKEN) });
    expect(broken.code).toBe(1);
    expect((JSON.parse(broken.stdout) as JsonReport).problems).toHaveLength(8);
    const clean = runBinary(['validate'], { cwd: makeRepo(GOOD) });
    expect(clean).toMatchObject({ code: 0, stderr: '' });
  });

  it('exits 2 outside a repository', () => {
    const result = runBinary(['validate'], { cwd: tempDir() });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('ideas init');
  });
});
