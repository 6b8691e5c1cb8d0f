/**
 * The pager, in a real pseudo-terminal (tmux): long output of show, list, report and rank goes
 * through PAGER; not with --no-pager, not when it fits the screen, not when stdout is a pipe.
 * PAGER is a small script that records it ran and what it was given.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { BIN, runBinary } from './helpers/cli.js';
import { BODY, CONFIG, idea } from './helpers/authoring.js';
import { makeRepo, tempDir } from './helpers/repo.js';
import { hasTmux, startTmux } from './helpers/tmux.js';
import { exceedsScreen, pagerCommand } from '../src/cli/pager.js';

const hasLess = spawnSync('less', ['--version']).status === 0;

function manyIdeas(count: number): string {
  const tree: Record<string, string> = { 'ideas.config.yaml': CONFIG };
  for (let i = 0; i < count; i++) {
    const id = `idea${String(i).padStart(3, '0')}`;
    tree[`ideas/${id}-idea-number-${i}.md`] = idea(id, `Idea number ${i}`, '', BODY);
  }
  return makeRepo(tree);
}

/** A PAGER that writes a marker and keeps its input, then exits. */
function recordingPager() {
  const dir = tempDir('ideas-pager-');
  const marker = join(dir, 'ran');
  const seen = join(dir, 'input');
  const script = join(dir, 'pager.sh');
  writeFileSync(script, `#!/bin/sh\necho ran > "${marker}"\ncat > "${seen}"\n`);
  chmodSync(script, 0o755);
  return { script, ran: () => existsSync(marker), input: () => readFileSync(seen, 'utf8') };
}

async function runInTerminal(root: string, env: string, args: string) {
  const done = join(tempDir(), 'done');
  const term = startTmux(
    root,
    `env NO_COLOR=1 IDEAS_TODAY=2026-11-24 ${env} ${process.execPath} ${BIN} ${args}; echo $? > ${done}; sleep 60`,
    { columns: 100, rows: 20 },
  );
  const until = Date.now() + 15_000;
  while (!existsSync(done) && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
  return { term, code: readFileSync(done, 'utf8').trim() };
}

describe.skipIf(!hasTmux)('the pager in a real terminal (tmux)', () => {
  it('list, rank, report and show past a screen go through PAGER', async () => {
    const root = manyIdeas(40);
    for (const args of ['list', 'rank --status all', 'report', 'show idea001']) {
      const pager = recordingPager();
      const { code } = await runInTerminal(root, `PAGER=${pager.script}`, args);
      expect(code, args).toBe('0');
      expect(pager.ran(), args).toBe(true);
    }
    const pager = recordingPager();
    await runInTerminal(root, `PAGER=${pager.script}`, 'list');
    expect(pager.input()).toContain('Idea number 39');
    expect(pager.input()).toContain('40 ideas');
  });

  it('IDEAS_PAGER wins over PAGER', async () => {
    const root = manyIdeas(40);
    const ours = recordingPager();
    const theirs = recordingPager();
    await runInTerminal(root, `PAGER=${theirs.script} IDEAS_PAGER=${ours.script}`, 'list');
    expect(ours.ran()).toBe(true);
    expect(theirs.ran()).toBe(false);
  });

  it('not with --no-pager (before or after the command), and not when it fits', async () => {
    const root = manyIdeas(40);
    for (const args of ['--no-pager list', 'list --no-pager']) {
      const pager = recordingPager();
      const { term, code } = await runInTerminal(root, `PAGER=${pager.script}`, args);
      expect(code).toBe('0');
      expect(pager.ran(), args).toBe(false);
      expect(term.screen()).toContain('40 ideas');
    }
    const small = manyIdeas(3);
    const pager = recordingPager();
    const { term } = await runInTerminal(small, `PAGER=${pager.script}`, 'list');
    expect(pager.ran()).toBe(false);
    expect(term.screen()).toContain('3 ideas');
  });

  it('commands that are not paged print straight out', async () => {
    const root = manyIdeas(40);
    const pager = recordingPager();
    await runInTerminal(root, `PAGER=${pager.script}`, 'export');
    expect(pager.ran()).toBe(false);
  });

  it.skipIf(!hasLess)('without PAGER, less -FRX shows the text and q leaves it', async () => {
    const root = manyIdeas(40);
    const done = join(tempDir(), 'done');
    const term = startTmux(
      root,
      `env -u PAGER -u IDEAS_PAGER -u LESS NO_COLOR=1 ${process.execPath} ${BIN} list; echo $? > ${done}; sleep 60`,
      { columns: 100, rows: 20 },
    );
    await term.waitFor('Idea number');
    expect(existsSync(done)).toBe(false); // less is waiting for the reader
    term.keys('q');
    const until = Date.now() + 15_000;
    while (!existsSync(done) && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
    expect(readFileSync(done, 'utf8').trim()).toBe('0');
  });
});

describe('the pager, off a terminal', () => {
  it('a pipe gets the text and no pager runs', () => {
    const root = manyIdeas(40);
    const pager = recordingPager();
    const result = runBinary(['list'], { cwd: root, env: { PAGER: pager.script } });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('40 ideas');
    expect(pager.ran()).toBe(false);
  });

  it('PAGER=cat or empty means none; unset means less', () => {
    expect(pagerCommand({ PAGER: 'cat' })).toBeUndefined();
    expect(pagerCommand({ PAGER: '' })).toBeUndefined();
    expect(pagerCommand({})).toBe('less');
    expect(pagerCommand({ PAGER: 'more', IDEAS_PAGER: 'most' })).toBe('most');
  });

  it('counts wrapped lines against the height of the screen', () => {
    const screen = Object.assign(new PassThrough(), { rows: 5, columns: 10 });
    expect(exceedsScreen('a\nb\nc\n', screen)).toBe(false);
    expect(exceedsScreen(`${'x'.repeat(45)}\n`, screen)).toBe(true);
  });
});
