/**
 * Style two of @inquirer/testing: the `screen` of its vitest entry stands in for the terminal
 * while the whole command runs in-process, and the test answers every question it asks.
 */
import { screen } from '@inquirer/testing/vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { describe, expect, it, vi } from 'vitest';
import { run } from '../../src/cli/run.js';
import { runCli } from '../helpers/cli.js';
import { BODY, makeIdeasRepo } from '../helpers/authoring.js';
import { tempDir } from '../helpers/repo.js';

class Capture extends Writable {
  text = '';
  isTTY = true;
  override _write(chunk: Buffer, _encoding: BufferEncoding, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
}

/** Runs the CLI as if in a terminal: stdin claims to be a TTY, the screen answers. */
function runInTerminal(argv: string[], cwd: string, tempDir?: string) {
  const stdin = Object.assign(new PassThrough(), { isTTY: true });
  const stdout = new Capture();
  const stderr = new Capture();
  const done = run({
    argv,
    cwd,
    env: { NO_COLOR: '1', IDEAS_TODAY: '2026-11-24' },
    stdin,
    stdout,
    stderr,
    ...(tempDir ? { tempDir } : {}),
  });
  return done.then((code) => ({ code, stdout: stdout.text, stderr: stderr.text }));
}

async function answer(question: string, keys: () => void): Promise<void> {
  await vi.waitFor(() => expect(screen.getScreen()).toContain(question), { timeout: 5000 });
  keys();
}

function enter(text = ''): () => void {
  return () => {
    if (text) screen.type(text);
    screen.keypress('enter');
  };
}

describe('ideas new in a terminal, every question answered', () => {
  it('asks title, team, tags, theme, campaign and each section, then writes an idea that validates', async () => {
    const root = makeIdeasRepo('alice@example.com');
    const result = runInTerminal(['new'], root);
    await answer('Title: the idea in a few words', enter('QR stickers on label printers'));
    await answer('Team', () => {
      // alice's own team is preselected; take the one below it.
      expect(screen.getScreen()).toMatch(/❯ sales/);
      screen.keypress('down');
      screen.keypress('enter');
    });
    await answer('Tags (comma-separated, optional)', enter('printers, night, printers'));
    await answer('Theme it serves', () => {
      screen.keypress('down');
      screen.keypress('enter');
    });
    await answer('Campaign it answers', () => {
      expect(screen.getScreen()).toContain(
        'faster-delivery: How do we get orders to customers faster?',
      );
      expect(screen.getScreen()).not.toContain('last-year');
      screen.keypress('enter');
    });
    await answer(
      'Problem (Who has the problem',
      enter('Night operators cannot find the printer runbook.'),
    );
    await answer(
      'Proposal (What would you do about it?',
      enter('A QR sticker with the runbook link on each printer.'),
    );
    await answer('Evidence (What makes you think so', enter('Four incidents in October.'));
    const { code, stdout, stderr } = await result;
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const [name] = readdirSync(join(root, 'ideas')).filter((n) => n.includes('qr-stickers'));
    expect(stdout).toBe(`wrote ideas/${name}\n`);
    const text = readFileSync(join(root, 'ideas', name ?? ''), 'utf8');
    expect(text).toContain(
      'title: QR stickers on label printers\nauthors: [alice]\nteam: ops\ncreated: 2026-11-24\ntags: [printers, night]\nparent: theme01\n---\n',
    );
    expect(text).toContain(
      '## Problem\nNight operators cannot find the printer runbook.\n\n## Proposal\nA QR sticker',
    );
    expect((await runCli(['validate'], { cwd: root })).code).toBe(0);
  });

  it('shows similar ideas and votes for one instead when asked', async () => {
    const root = makeIdeasRepo('bob@example.com');
    const result = runInTerminal(
      ['new', '--title', 'Overnight shipping for customers', '--yes', '--no-branch'],
      root,
    );
    // --yes skips the optional questions but not the required sections; it writes despite similar ideas.
    await answer('Problem', enter('Customers keep asking sales for next-morning delivery.'));
    await answer('Proposal', enter('Try one courier in one city for a month.'));
    await answer('Evidence', enter('Ten tickets last month asked for it.'));
    const written = await result;
    expect(written.code).toBe(0);
    expect(written.stderr).toContain('ship01  Offer overnight shipping');

    const second = runInTerminal(
      [
        'new',
        '--title',
        'Next-morning delivery for customers',
        '--team',
        'ops',
        '--tag',
        'x',
        '--parent',
        'theme01',
        '--campaign',
        'faster-delivery',
      ],
      root,
    );
    // Right after the title, before a single section is asked.
    await answer('Write it anyway, or vote for one of these instead?', () => {
      expect(screen.getScreen()).not.toContain('Problem');
      expect(screen.getScreen()).toContain('Vote for ship01 (Offer overnight shipping) instead');
      screen.keypress('down');
      screen.keypress('enter');
    });
    const voted = await second;
    expect(voted.code, voted.stderr).toBe(0);
    expect(voted.stdout).toBe('wrote votes/ship01/bob.md\n');
  });

  it('asks a reviewer for scores (blank skips) and the rationale a rejection needs', async () => {
    const root = makeIdeasRepo('carol@example.com');
    const result = runInTerminal(['review', 'ship01', '--status', 'rejected'], root);
    await answer('Score for impact', enter('2'));
    await answer('Score for feasibility', enter(''));
    await answer('Why rejected?', enter('One warehouse cannot ship overnight.'));
    const { code, stdout } = await result;
    expect(code).toBe(0);
    expect(stdout).toBe('wrote decisions/ship01/2026-11-24-rejected.md\n');
    expect(readFileSync(join(root, 'decisions/ship01/2026-11-24-rejected.md'), 'utf8')).toContain(
      'scores:\n  impact: 2\n---\n',
    );
    expect(readFileSync(join(root, 'decisions/ship01/2026-11-24-rejected.md'), 'utf8')).toMatch(
      /---\nOne warehouse cannot ship overnight\.\n$/,
    );
  });

  it('Ctrl-C at a question cancels cleanly: no raw ExitPromptError, nothing written, exit 130', async () => {
    const root = makeIdeasRepo('alice@example.com');
    const result = runInTerminal(['new'], root);
    await answer('Title', () => screen.keypress({ name: 'c', ctrl: true }));
    const { code, stderr } = await result;
    expect(code).toBe(130);
    expect(stderr).toBe('ideas: cancelled; nothing was written\n');
    expect(readdirSync(join(root, 'ideas'))).toHaveLength(3);
  });

  it('Ctrl-C after some answers keeps them in a draft that the next run offers and --from-json finishes', async () => {
    const root = makeIdeasRepo('alice@example.com');
    const tmp = tempDir();
    const first = runInTerminal(['new'], root, tmp);
    await answer('Title: the idea in a few words', enter('QR stickers on label printers'));
    await answer('Team', () => screen.keypress({ name: 'c', ctrl: true }));
    const cancelled = await first;
    expect(cancelled.code).toBe(130);
    const drafts = readdirSync(tmp).filter((name) => name.startsWith('ideas-draft-'));
    expect(drafts).toHaveLength(1);
    const draft = join(tmp, drafts[0] ?? '');
    expect(cancelled.stderr).toBe(
      `ideas: cancelled; nothing was written\n  hint: your answers so far are kept: ideas new --from-json ${draft}\n`,
    );
    expect(JSON.parse(readFileSync(draft, 'utf8'))).toEqual({
      title: 'QR stickers on label printers',
    });

    const second = runInTerminal(['new'], root, tmp);
    await answer('Title', () => screen.keypress({ name: 'c', ctrl: true }));
    expect((await second).stderr).toContain(
      `ideas: the answers of an interrupted run are kept: ideas new --from-json ${draft}\n`,
    );

    const finished = await runCli(
      ['new', '--from-json', draft, '--body-file', '-', '--yes', '--format', 'json'],
      { cwd: root, stdin: BODY, env: {} },
    );
    expect(finished.code, finished.stderr).toBe(0);
    const { path } = JSON.parse(finished.stdout) as { path: string };
    expect(readFileSync(join(root, path), 'utf8')).toContain(
      'title: QR stickers on label printers',
    );
  });
});
