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
import { makeIdeasRepo } from '../helpers/authoring.js';

class Capture extends Writable {
  text = '';
  isTTY = true;
  override _write(chunk: Buffer, _encoding: BufferEncoding, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
}

/** Runs the CLI as if in a terminal: stdin claims to be a TTY, the screen answers. */
function runInTerminal(argv: string[], cwd: string) {
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
    await answer('Problem', enter('Customers keep asking sales for next-morning delivery.'));
    await answer('Proposal', enter('Try one courier in one city for a month.'));
    await answer('Evidence', enter('Ten tickets last month asked for it.'));
    await answer('Write it anyway, or vote for one of these instead?', () => {
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

  it('Ctrl-C at a question cancels cleanly: no raw ExitPromptError, nothing written', async () => {
    const root = makeIdeasRepo('alice@example.com');
    const result = runInTerminal(['new'], root);
    await answer('Title', () => screen.keypress({ name: 'c', ctrl: true }));
    const { code, stderr } = await result;
    expect(code).toBe(2);
    expect(stderr).toBe('ideas: cancelled; nothing was written\n');
    expect(readdirSync(join(root, 'ideas'))).toHaveLength(3);
  });
});
