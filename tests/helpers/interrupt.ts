/**
 * `ideas site` on a repository large enough to take a while, sent a real signal by the test the
 * moment its hidden build folder appears beside --out: what the interrupted command leaves.
 */
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { BIN } from './cli.js';
import { tempDir } from './repo.js';

export interface Interrupted {
  /** Whether the build folder appeared and the signal was sent. */
  sent: boolean;
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
  /** The folder --out sits in, and --out itself. */
  parent: string;
  out: string;
}

/**
 * `root` large enough that its pages take long to write and the signal comes first
 * (site-tree.ts bigTeamTree(1500, …)): one repository serves every signal, each its own --out.
 */
export async function interruptSiteBuild(root: string, send: NodeJS.Signals): Promise<Interrupted> {
  const parent = tempDir();
  const out = join(parent, 'site');
  const child = spawn(process.execPath, [BIN, 'site', '--out', out], {
    cwd: root,
    env: { ...process.env, NO_COLOR: '1', IDEAS_NO_CACHE: '1', IDEAS_TODAY: '2026-11-24' },
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal })),
  );
  // The build folder appears when the pages start to be written: interrupt then.
  let sent = false;
  const watch = setInterval(() => {
    if (!sent && readdirSync(parent).some((name) => name.endsWith('.tmp'))) {
      sent = true;
      child.kill(send);
    }
  }, 2);
  const { code, signal } = await ended;
  clearInterval(watch);
  return { sent, code, signal, stderr, parent, out };
}
