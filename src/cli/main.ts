/** The bundle's entry: the real process, handed to run(). */
import { setFlagsFromString } from 'node:v8';
import { ExitCode, WriteError } from '../errors.js';
import { asWriteError } from '../write/atomic.js';
import { run } from './run.js';

export async function main(): Promise<void> {
  // When full collections are cheap, V8 lets the old generation grow to up to four times what
  // the last one kept before it collects again: a read of 10,000 ideas has its last full
  // collection 3 s in, and all it promotes after that stays until the process ends. Twice is
  // enough (README, "Peak memory of every command").
  setFlagsFromString('--heap-growing-percent=100');
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      // `ideas rank | head` closes the pipe early: that is the reader's choice, not an error.
      if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      // A failing stderr loses diagnostics only: the command finishes and keeps its exit code.
      if (stream === process.stderr) return;
      // Output sent to a full disk or a failing device is cut short: say so and exit as any
      // write that failed does, never with a stack trace.
      const plain = asWriteError(error, 'the output');
      process.stderr.write(
        plain instanceof WriteError
          ? `ideas: ${plain.message}\n  hint: send it where there is room\n`
          : `ideas: cannot write the output: ${error.message}\n`,
      );
      process.exit(ExitCode.usage);
    });
  }
  process.exitCode = await run({
    argv: process.argv.slice(2),
    cwd: process.cwd(),
    env: process.env,
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
  });
}
export { run } from './run.js';
