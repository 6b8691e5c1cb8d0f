/**
 * A real pseudo-terminal: a command inside a private tmux server, its screen read and keys
 * typed like a person would. `hasTmux` tells tests to skip where tmux is not installed.
 */
import { execFileSync, spawnSync } from 'node:child_process';
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
