import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { BODY, OTHER_BODY, TREE, makeIdeasRepo, runBinaryAsync } from '../helpers/authoring.js';
import { git } from '../helpers/repo.js';

function newIdeas(root: string): string[] {
  return readdirSync(join(root, 'ideas')).filter(
    (name) => !/^(ship01|theme01|price01)-/.test(name),
  );
}

describe('ideas new, unattended', () => {
  it('writes an idea from flags that passes validate, and prints its path', async () => {
    const root = makeIdeasRepo();
    writeFileSync(join(root, 'body.md'), OTHER_BODY);
    const result = await runCli(
      [
        'new',
        '--title',
        'QR stickers: runbooks on printers',
        '--team',
        'ops',
        '--tag',
        'printers',
        '--tag',
        'night',
        '--parent',
        'theme01',
        '--campaign',
        'faster-delivery',
        '--body-file',
        'body.md',
      ],
      { cwd: root },
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const [name] = newIdeas(root);
    expect(name).toMatch(/^[a-z][a-z0-9]{5}-qr-stickers-runbooks-on-printers\.md$/);
    expect(result.stdout).toBe(`wrote ideas/${name}\n`);
    const text = readFileSync(join(root, 'ideas', name ?? ''), 'utf8');
    const id = name?.slice(0, 6);
    expect(text).toBe(
      `---\nid: ${id}\ntitle: "QR stickers: runbooks on printers"\nauthors: [alice]\nteam: ops\ncreated: 2026-11-24\ntags: [printers, night]\nparent: theme01\ncampaign: faster-delivery\n---\n${OTHER_BODY}`,
    );
    const validate = await runCli(['validate'], { cwd: root });
    expect(validate.stdout).toContain('no problems');
    expect(validate.code).toBe(0);
  });

  it('takes the whole idea with --from-json from stdin and prints {schema, id, path} with --format json', async () => {
    const root = makeIdeasRepo();
    const json = JSON.stringify({
      title: 'Runbooks on the printers',
      tags: ['printers'],
      estimates: { reach: 40, impact: 1, confidence: 0.5, effort: 1 },
      sections: {
        Problem: 'Night operators cannot find the printer runbook.',
        Proposal: 'A QR sticker on each printer.',
        Evidence: 'Four incidents in October.',
      },
    });
    const result = await runCli(['new', '--from-json', '-', '--format', 'json'], {
      cwd: root,
      stdin: json,
    });
    expect(result.code).toBe(0);
    const out = JSON.parse(result.stdout) as { id: string; path: string };
    expect(Object.keys(out)).toEqual(['schema', 'id', 'path']);
    expect(out.path).toBe(`ideas/${out.id}-runbooks-on-the-printers.md`);
    const text = readFileSync(join(root, out.path), 'utf8');
    // The author's team comes from people in the config when no team is given.
    expect(text).toContain('team: sales\n');
    expect(text).toContain('estimates:\n  reach: 40\n');
    expect(text).toContain('## Proposal\nA QR sticker on each printer.\n');
    expect((await runCli(['validate'], { cwd: root })).code).toBe(0);
  });

  it('fails at once with exit 2 naming the flags when stdin is not a terminal', async () => {
    const root = makeIdeasRepo();
    const result = await runCli(['new'], { cwd: root });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'ideas: ideas new needs --title and --body-file, and stdin is not a terminal, so ideas cannot ask\n  hint: pass --title and --body-file on the command line, or the whole idea with --from-json FILE\n',
    );
    expect(result.stderr).not.toContain('ExitPromptError');
    expect(newIdeas(root)).toEqual([]);
  });

  it('names only what is missing', async () => {
    const root = makeIdeasRepo();
    const result = await runCli(['new', '--body-file', '-'], { cwd: root, stdin: OTHER_BODY });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('ideas new needs --title,');
  });

  it('warns about similar ideas and refuses in a non-terminal without --yes', async () => {
    const root = makeIdeasRepo('bob@example.com');
    const result = await runCli(
      ['new', '--title', 'Overnight shipping for customers', '--body-file', '-'],
      {
        cwd: root,
        stdin: BODY,
      },
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /existing ideas read like this one:\n {2}ship01 {2}Offer overnight shipping {2}\(proposed, 0 votes, \d+% alike\)\n/,
    );
    expect(result.stderr).toContain(
      'pass --yes to write it anyway, or vote for one of them: ideas vote ship01',
    );
    expect(newIdeas(root)).toEqual([]);
  });

  it('with --yes, warns and writes anyway', async () => {
    const root = makeIdeasRepo('bob@example.com');
    const result = await runCli(
      ['new', '--title', 'Overnight shipping for customers', '--body-file', '-', '--yes'],
      {
        cwd: root,
        stdin: BODY,
      },
    );
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('ship01  Offer overnight shipping');
    expect(newIdeas(root)).toHaveLength(1);
  });

  it('refuses what validate would reject, and writes nothing', async () => {
    const root = makeIdeasRepo();
    const cases: [string[], string][] = [
      [['--team', 'nobody'], 'idea/unknown-team'],
      [['--parent', 'ship01'], 'idea/parent-not-theme'],
      [['--parent', 'nothere'], 'idea/unknown-parent'],
      [['--campaign', 'last-year'], 'campaign/closed'],
    ];
    for (const [flags, rule] of cases) {
      const result = await runCli(
        ['new', '--title', 'Printer runbooks', '--body-file', '-', ...flags],
        {
          cwd: root,
          stdin: OTHER_BODY,
        },
      );
      expect(result.code, rule).toBe(2);
      expect(result.stderr).toContain(
        'this idea would not pass "ideas validate", so nothing was written',
      );
      expect(result.stderr).toContain(rule);
    }
    const placeholder = await runCli(['new', '--title', 'Printer runbooks', '--body-file', '-'], {
      cwd: root,
      stdin:
        '## Problem\nWho has the problem, how often, and what does it cost them? Quote a customer or a colleague if you can.\n\n## Proposal\nx\n\n## Evidence\ny\n',
    });
    expect(placeholder.code).toBe(2);
    expect(placeholder.stderr).toContain('idea/placeholder-section');
    const missing = await runCli(['new', '--title', 'Printer runbooks', '--body-file', '-'], {
      cwd: root,
      stdin: '## Problem\nA real problem.\n',
    });
    expect(missing.stderr).toContain('idea/missing-section');
    expect(newIdeas(root)).toEqual([]);
    expect(git(root, 'status', '--porcelain')).toBe('');
  });

  it('rejects malformed --from-json with the field that is wrong', async () => {
    const root = makeIdeasRepo();
    const bad = await runCli(['new', '--from-json', '-'], { cwd: root, stdin: '{"title": 3}' });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--from-json -: title');
    const notJson = await runCli(['new', '--from-json', '-'], { cwd: root, stdin: 'title: x' });
    expect(notJson.code).toBe(2);
    expect(notJson.stderr).toContain('is not JSON');
    const unknown = await runCli(['new', '--from-json', '-'], {
      cwd: root,
      stdin: '{"titel": "x"}',
    });
    expect(unknown.code).toBe(2);
  });

  it('gives two runs at the same moment two ids and two files', async () => {
    const root = makeIdeasRepo();
    writeFileSync(
      join(root, 'a.json'),
      JSON.stringify({ title: 'Printer runbooks', body: OTHER_BODY }),
    );
    const runs = await Promise.all(
      [1, 2, 3, 4].map(() =>
        runBinaryAsync(['new', '--from-json', 'a.json', '--format', 'json', '--yes'], {
          cwd: root,
        }),
      ),
    );
    for (const r of runs) expect(r.code, r.stderr).toBe(0);
    const ids = runs.map((r) => (JSON.parse(r.stdout) as { id: string }).id);
    expect(new Set(ids).size).toBe(4);
    expect(newIdeas(root)).toHaveLength(4);
    const validate = await runCli(['validate', '--format', 'json'], { cwd: root });
    const report = JSON.parse(validate.stdout) as {
      problems: { rule: string; severity: string }[];
    };
    expect(report.problems.filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('never reuses an id found on another branch', async () => {
    const root = makeIdeasRepo();
    // Every id on other branches is taken; a fixed sample proves they are read.
    git(root, 'checkout', '-q', '-b', 'elsewhere');
    writeFileSync(join(root, 'ideas', 'zz9zz9-other.md'), '---\nid: zz9zz9\n---\n');
    git(root, 'add', '-A');
    git(root, 'commit', '-q', '-m', 'other');
    git(root, 'checkout', '-q', 'main');
    const { idsOnBranches } = await import('../../src/git/authoring.js');
    expect([...idsOnBranches({ cwd: root, env: process.env }, '')].sort()).toEqual([
      'price01',
      'ship01',
      'theme01',
      'zz9zz9',
    ]);
  });

  it("follows the repository's own template, and --theme writes a theme", async () => {
    const root = makeIdeasRepo('alice@example.com', {
      ...TREE,
      'templates/idea.md': '## Why\nWhy should we care?\n\n## How\nHow would it work?\n',
    });
    const missing = await runCli(['new', '--from-json', '-'], {
      cwd: root,
      stdin: JSON.stringify({ title: 'Warehouse robots', sections: { Why: 'Picking is slow.' } }),
    });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('ideas new needs --body-file');
    const result = await runCli(['new', '--from-json', '-', '--theme', '--format', 'json'], {
      cwd: root,
      stdin: JSON.stringify({
        title: 'Warehouse robots',
        sections: { Why: 'Picking is slow.', How: 'Robots bring shelves to pickers.' },
      }),
    });
    expect(result.code, result.stderr).toBe(0);
    const { path } = JSON.parse(result.stdout) as { path: string };
    const text = readFileSync(join(root, path), 'utf8');
    expect(text).toContain('kind: theme\n');
    expect(text).toMatch(
      /---\n## Why\nPicking is slow\.\n\n## How\nRobots bring shelves to pickers\.\n$/,
    );
    // The fixture ideas follow the other template: check the new file alone.
    expect((await runCli(['validate', path], { cwd: root })).code).toBe(0);
  });
});
