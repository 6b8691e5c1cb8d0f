/** The bundle's entry: the real process, handed to run(). */
import { run } from './run.js';

export async function main(): Promise<void> {
  process.exitCode = await run({
    argv: process.argv.slice(2),
    cwd: process.cwd(),
    env: process.env,
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
  });
}
