/**
 * End to end in a real pseudo-terminal: the built binary runs inside tmux, and the test reads
 * the screen and types answers like a person would. Skipped when tmux is not installed.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, runBinary } from '../helpers/cli.js';
import { makeIdeasRepo } from '../helpers/authoring.js';
import { git } from '../helpers/repo.js';
import { hasTmux, startCommand } from '../helpers/tmux.js';

describe.skipIf(!hasTmux)('ideas new in a real terminal (tmux)', () => {
  it('asks every question, shows the choices, and writes an idea that validates', async () => {
    const root = makeIdeasRepo('alice@example.com');
    const term = startCommand(
      root,
      `env -u EDITOR -u VISUAL NO_COLOR=1 IDEAS_TODAY=2026-11-24 ${process.execPath} ${BIN} new`,
    );
    await term.waitFor('Title: the idea in a few words');
    term.type('Label printer runbooks');
    term.keys('Enter');
    await term.waitFor('(no team)');
    expect(term.screen()).toMatch(/❯ sales/);
    term.keys('Enter');
    await term.waitFor('Tags (comma-separated, optional)');
    term.type('printers, night');
    term.keys('Enter');
    await term.waitFor('Theme it serves');
    term.keys('Down', 'Enter');
    await term.waitFor('Campaign it answers');
    expect(term.screen()).toContain('faster-delivery: How do we get orders to customers faster?');
    term.keys('Enter');
    await term.waitFor('Problem (Who has the problem');
    term.type('Night operators cannot find the printer runbook.');
    term.keys('Enter');
    await term.waitFor('Proposal (What would you do about it?');
    term.type('A QR sticker with the runbook link on each printer.');
    term.keys('Enter');
    await term.waitFor('Evidence (What makes you think so');
    term.type('Four incidents in October.');
    term.keys('Enter');
    await term.waitFor('wrote ideas/');
    expect(await term.exitCode()).toBe('0');

    const [name] = readdirSync(join(root, 'ideas')).filter((n) =>
      n.includes('label-printer-runbooks'),
    );
    const text = readFileSync(join(root, 'ideas', name ?? ''), 'utf8');
    expect(text).toMatch(
      /^---\nid: [a-z][a-z0-9]{5}\ntitle: Label printer runbooks\nauthors: \[alice\]\nteam: sales\ncreated: 2026-11-24\ntags: \[printers, night\]\nparent: theme01\n---\n## Problem\nNight operators/,
    );
    expect(runBinary(['validate'], { cwd: root }).code).toBe(0);
    expect(git(root, 'status', '--porcelain')).toBe(`?? ideas/${name}\n`);
  });
});
