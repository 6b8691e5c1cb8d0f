/**
 * The real process's side effects that are not git: the platform's opener and the GitHub CLI.
 * Commands reach them only through the Context, so tests can pass their own.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import type { Env } from '../git/git-process.js';

export interface GhResult {
  status: number;
  stdout: string;
  stderr: string;
}

function isOnPath(env: Env, command: string): boolean {
  const dirs = (env.PATH ?? '').split(delimiter).filter(Boolean);
  const names = process.platform === 'win32' ? [`${command}.exe`, `${command}.cmd`] : [command];
  return dirs.some((dir) => names.some((name) => existsSync(join(dir, name))));
}

/** `gh` with these arguments, or undefined when it is not on PATH. */
export function runGhProcess(args: readonly string[], cwd: string, env: Env): GhResult | undefined {
  if (!isOnPath(env, 'gh')) return undefined;
  const result = spawnSync('gh', args, { cwd, env, encoding: 'utf8' });
  return {
    status: result.status ?? 1,
    stdout: result.stdout ?? '',
    stderr: result.stderr ?? (result.error ? result.error.message : ''),
  };
}

/** The platform's opener, detached; rejects when there is none. */
export function openWithSystem(path: string, env: Env): Promise<void> {
  const [command, args] =
    process.platform === 'darwin'
      ? ['open', [path]]
      : process.platform === 'win32'
        ? ['cmd', ['/c', 'start', '""', path]]
        : ['xdg-open', [path]];
  return new Promise((resolve, reject) => {
    try {
      const child = spawn(command, args, { detached: true, stdio: 'ignore', env });
      child.on('error', () => reject(new Error(`${command} not found`)));
      child.on('spawn', () => {
        child.unref();
        resolve();
      });
    } catch (error) {
      reject(error instanceof Error ? error : new Error(String(error)));
    }
  });
}
