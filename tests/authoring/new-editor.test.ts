/**
 * `ideas new` with an editor, end to end in a real pseudo-terminal: the built binary in tmux,
 * with a stand-in EDITOR (a shell script) that keeps a copy of what it was shown and saves the
 * answer the test prepared, as a person would. Skipped when tmux is not installed.
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, runBinary } from '../helpers/cli.js';
import { makeIdeasRepo } from '../helpers/authoring.js';
import { git, tempDir } from '../helpers/repo.js';
import { hasTmux, startCommand } from '../helpers/tmux.js';

/**
 * An editor that, on its n-th session, copies the file it is given to seen-n.md and replaces
 * it with answer-n.md (left untouched when there is no answer-n.md: "saved as it was").
 */
function fakeEditor(dir: string, answers: string[]): string {
  answers.forEach((text, i) => writeFileSync(join(dir, `answer-${i + 1}.md`), text));
  const script = join(dir, 'editor.sh');
  writeFileSync(
    script,
    `#!/bin/sh
n=$(cat "${dir}/count" 2>/dev/null || echo 0); n=$((n + 1)); echo $n > "${dir}/count"
cp "$1" "${dir}/seen-$n.md"
if [ -f "${dir}/answer-$n.md" ]; then cp "${dir}/answer-$n.md" "$1"; fi
`,
    { mode: 0o755 },
  );
  return script;
}

const sessions = (dir: string) =>
  existsSync(join(dir, 'count')) ? Number(readFileSync(join(dir, 'count'), 'utf8')) : 0;

/** Runs `ideas <args>` in tmux with EDITOR set; drafts go to `dir` (TMPDIR). */
function startNew(root: string, dir: string, editor: string, args: string) {
  const term = startCommand(
    root,
    `env -u VISUAL EDITOR=${editor} TMPDIR=${dir} NO_COLOR=1 IDEAS_TODAY=2026-11-24 ${process.execPath} ${BIN} ${args}`,
  );
  return { term, exitCode: term.exitCode };
}

const written = (root: string, slug: string) =>
  readdirSync(join(root, 'ideas')).filter((name) => name.includes(slug));

const FLAGS = '--team sales --tag printers --parent theme01 --campaign faster-delivery';

describe.skipIf(!hasTmux)('ideas new with EDITOR, in a real terminal (tmux)', () => {
  it('shows similar ideas right after the title, then opens ONE editor session for the whole body', async () => {
    const root = makeIdeasRepo('bob@example.com');
    const dir = tempDir();
    const editor = fakeEditor(dir, [
      [
        '// the header lines may stay: they are hints',
        '## Problem',
        '// a hint left in place is dropped too',
        'Customers want their parcels the next morning.',
        '',
        '## Proposal',
        'Ask the courier for a late pickup:',
        '```js',
        '// a comment in code is the text of the idea',
        'pickup.at("21:00")',
        '```',
        '',
        '## Evidence',
        'Ten tickets last month.',
        '',
      ].join('\n'),
    ]);
    const { term, exitCode } = startNew(root, dir, editor, `new ${FLAGS}`);
    await term.waitFor('Title: the idea in a few words');
    term.type('Overnight shipping for customers');
    term.keys('Enter');
    // The title alone brings up the look-alike, before the editor ever opens.
    await term.waitFor('Write it anyway, or vote for one of these instead?');
    expect(term.screen()).toMatch(/ship01 {2}Offer overnight shipping {2}\(proposed, 0 votes/);
    expect(sessions(dir)).toBe(0);
    term.keys('Enter'); // "Write my idea"
    expect(await exitCode()).toBe('0');
    expect(sessions(dir)).toBe(1);

    // What the editor was shown: every heading of the template, each with its hint.
    const seen = readFileSync(join(dir, 'seen-1.md'), 'utf8');
    expect(seen).toContain('// Overnight shipping for customers\n');
    expect(seen).toContain('// Lines starting with // are hints: they are dropped when you save.');
    expect(seen).toMatch(
      /\n## Problem\n\/\/ Who has the problem, how often, and what does it cost them\?.*\n\n## Proposal\n\/\/ What would you do about it\?.*\n\n## Evidence\n\/\/ What makes you think so/,
    );

    const [name] = written(root, 'overnight-shipping-for-customers');
    const text = readFileSync(join(root, 'ideas', name ?? ''), 'utf8');
    expect(text).toMatch(
      /\n---\n## Problem\nCustomers want their parcels the next morning\.\n\n## Proposal\nAsk the courier for a late pickup:\n```js\n\/\/ a comment in code is the text of the idea\npickup\.at\("21:00"\)\n```\n\n## Evidence\nTen tickets last month\.\n$/,
    );
    expect(text).not.toContain('hint');
    // The body brings up ship01 again: it was shown after the title, so it is not repeated.
    expect(term.screen().match(/ship01 {2}Offer overnight shipping {2}\(/g)).toHaveLength(1);
    expect(runBinary(['validate', `ideas/${name}`], { cwd: root }).code).toBe(0);
  });

  it('after the editor, shows the ideas the body brings up that the title did not', async () => {
    const root = makeIdeasRepo('bob@example.com');
    const dir = tempDir();
    const editor = fakeEditor(dir, [
      '## Problem\nQuotes take a minute to load the price list.\n\n## Proposal\nKeep a local cache of the prices.\n\n## Evidence\nSupport tickets about slow quotes.\n',
    ]);
    const { term, exitCode } = startNew(
      root,
      dir,
      editor,
      `new --title "Help the sales desk" ${FLAGS}`,
    );
    await term.waitFor('Write it anyway, or vote for one of these instead?');
    // Only now, with the body written: the title alone brought up nothing.
    expect(sessions(dir)).toBe(1);
    expect(term.screen()).toMatch(/price01 {2}Cache the price list in the quoting tool/);
    term.keys('Up', 'Enter'); // the last choice: stop
    expect(await exitCode()).toBe('0');
    expect(term.screen()).toContain('ideas: stopped; nothing was written');
    expect(written(root, 'help-the-sales-desk')).toEqual([]);
  });

  it('an empty body writes nothing, says what to fix, and keeps the other answers', async () => {
    const root = makeIdeasRepo('alice@example.com');
    const dir = tempDir();
    // No answer file: the editor saves what it was shown, hints and headings only.
    const editor = fakeEditor(dir, []);
    const { term, exitCode } = startNew(
      root,
      dir,
      editor,
      `new --title "Printer runbooks" ${FLAGS}`,
    );
    expect(await exitCode()).toBe('2');
    const screen = term.screen();
    expect(screen).toContain('ideas: the body is empty, so nothing was written');
    expect(screen).toMatch(/hint: write under each heading; your other answers are kept: ideas ne/);
    const [draft] = readdirSync(dir).filter((n) => /^ideas-draft-.*\.json$/.test(n));
    expect(JSON.parse(readFileSync(join(dir, draft ?? ''), 'utf8'))).toMatchObject({
      title: 'Printer runbooks',
      team: 'sales',
      tags: ['printers'],
    });
    expect(readdirSync(dir).filter((n) => n.endsWith('.md') && n.startsWith('ideas-'))).toEqual([]);
    expect(git(root, 'status', '--porcelain')).toBe('');
  });

  it('a body validate rejects is kept; --from-json of the draft opens it again to be fixed', async () => {
    const root = makeIdeasRepo('alice@example.com');
    const dir = tempDir();
    const editor = fakeEditor(dir, [
      '## Problem\nNight operators cannot find the printer runbook.\n',
      '## Problem\nNight operators cannot find the printer runbook.\n\n## Proposal\nA QR sticker on each printer.\n\n## Evidence\nFour incidents in October.\n',
    ]);
    const first = startNew(root, dir, editor, `new --title "Printer runbooks" ${FLAGS}`);
    expect(await first.exitCode()).toBe('2');
    const screen = first.term.screen().replace(/\n/g, '');
    expect(screen).toContain('idea/missing-section  the section "## Proposal" is missing');
    expect(screen).toContain('idea/missing-section  the section "## Evidence" is missing');
    const [name] = readdirSync(dir).filter((n) => /^ideas-draft-.*\.json$/.test(n));
    const draft = join(dir, name ?? '');
    expect(screen).toContain(`your text is kept: fix it with ideas new --from-json ${draft}`);
    expect(JSON.parse(readFileSync(draft, 'utf8'))).toMatchObject({
      title: 'Printer runbooks',
      body: '## Problem\nNight operators cannot find the printer runbook.\n',
    });
    expect(written(root, 'printer-runbooks')).toEqual([]);

    const again = startNew(root, dir, editor, `new --from-json ${draft}`);
    expect(await again.exitCode()).toBe('0');
    // The second session started from the kept text.
    expect(readFileSync(join(dir, 'seen-2.md'), 'utf8')).toContain(
      '\n## Problem\nNight operators cannot find the printer runbook.\n',
    );
    const [idea] = written(root, 'printer-runbooks');
    expect(readFileSync(join(root, 'ideas', idea ?? ''), 'utf8')).toContain(
      'team: sales\ncreated: 2026-11-24\ntags: [printers]\nparent: theme01\ncampaign: faster-delivery\n---\n## Problem\nNight operators cannot find the printer runbook.\n\n## Proposal\nA QR sticker',
    );
    // The spent draft is gone, so the next run does not offer it.
    expect(existsSync(draft)).toBe(false);
    expect(runBinary(['validate', `ideas/${idea}`], { cwd: root }).code).toBe(0);
  });
});
