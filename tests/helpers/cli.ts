/** Drive the CLI in-process through run(), or as the built binary in a subprocess. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { run } from '../../src/cli/run.js';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

class Capture extends Writable {
  text = '';
  isTTY: boolean;
  columns = 80;
  constructor(isTTY = false) {
    super();
    this.isTTY = isTTY;
  }
  override _write(chunk: Buffer | string, _encoding: BufferEncoding, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
}

export interface RunOptions {
  cwd: string;
  env?: Record<string, string | undefined>;
  stdin?: string;
  tty?: boolean;
}

export async function runCli(argv: string[], options: RunOptions): Promise<CliResult> {
  const stdout = new Capture(options.tty);
  const stderr = new Capture(options.tty);
  const stdin = new PassThrough();
  stdin.end(options.stdin ?? '');
  const code = await run({
    argv,
    cwd: options.cwd,
    // What a shell would hand the binary, and no more: git finds itself and the user's config.
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NO_COLOR: '1',
      IDEAS_TODAY: '2026-11-24',
      ...options.env,
    },
    stdin,
    stdout,
    stderr,
  });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

export const BIN = join(import.meta.dirname, '..', '..', 'bin', 'ideas.js');

/** The built binary; `npm run build` (or `npm install`) must have run. */
export function runBinary(argv: string[], options: RunOptions): CliResult {
  const result = spawnSync(process.execPath, [BIN, ...argv], {
    cwd: options.cwd,
    input: options.stdin ?? '',
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', IDEAS_TODAY: '2026-11-24', ...options.env },
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}
