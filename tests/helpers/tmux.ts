/**
 * A real pseudo-terminal: a command inside a private tmux server, its screen read and keys
 * typed like a person would. `hasTmux` tells tests to skip where tmux is not installed.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { onTestFinished } from 'vitest';
import { tempDir } from './repo.js';

export const hasTmux = spawnSync('tmux', ['-V']).status === 0;

export function startTmux(cwd: string, command: string, size = { columns: 120, rows: 40 }) {
  // Its own socket: nothing of the user's tmux is touched.
  const socket = join(tempDir('ideas-tmux-'), 'sock');
  const tmux = (...args: string[]) =>
    execFileSync('tmux', ['-S', socket, ...args], { encoding: 'utf8' });
  tmux(
    '-f',
    '/dev/null',
    'new-session',
    '-d',
    '-s',
    'ideas',
    '-x',
    String(size.columns),
    '-y',
    String(size.rows),
    '-c',
    cwd,
    command,
  );
  onTestFinished(() => {
    spawnSync('tmux', ['-S', socket, 'kill-server']);
  });
  const screen = () => tmux('capture-pane', '-p', '-t', 'ideas');
  const waitFor = async (test: string | RegExp) => {
    const until = Date.now() + 15_000;
    while (Date.now() < until) {
      const now = screen();
      if (typeof test === 'string' ? now.includes(test) : test.test(now)) return now;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`${String(test)} never showed; the screen was:\n${screen()}`);
  };
  const keys = (...names: string[]) => tmux('send-keys', '-t', 'ideas', ...names);
  const type = (text: string) => tmux('send-keys', '-t', 'ideas', '-l', text);
  return { screen, waitFor, keys, type };
}

/**
 * `command` (a shell line) in tmux, kept on screen after it ends so the test can read it;
 * `exitCode()` waits for it to end and gives its exit status.
 */
export function startCommand(cwd: string, command: string) {
  const exitFile = join(tempDir('ideas-exit-'), 'code');
  const term = startTmux(cwd, `${command}; echo $? > ${exitFile}; sleep 60`);
  const exitCode = async () => {
    const until = Date.now() + 15_000;
    while (!existsSync(exitFile) && Date.now() < until)
      await new Promise((resolve) => setTimeout(resolve, 50));
    return existsSync(exitFile) ? readFileSync(exitFile, 'utf8').trim() : 'still running';
  };
  return { ...term, exitCode };
}
