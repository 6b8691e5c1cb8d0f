/**
 * Ctrl-C, SIGTERM and SIGHUP (its terminal closed) while ideas writes. Without a handler, Node
 * dies at once, inside a git call or between a write and its rename, leaving a branch behind or
 * a temporary file (or the hidden build folder of a site). With one, a signal is handled only
 * when the synchronous step under way has finished (git calls and writes block the event loop),
 * so that step completes or undoes itself first; then the command ends as a shell expects, with
 * 128 + the signal's number.
 *
 * Node does not wait for a signal handler: when the command is done, a signal that arrived
 * during its last step would be dropped as the process exits, so the loop turns once more.
 * The handlers stay once installed: one removed before the event loop turns would drop a
 * signal that already arrived, and the user's Ctrl-C would be ignored. They are the process's:
 * a command run in-process (tests) on other streams leaves the process's signals alone.
 */
let installed = false;

const EXIT = { SIGHUP: 129, SIGINT: 130, SIGTERM: 143 } as const;

export function deferSignals(stderr: NodeJS.WritableStream): void {
  if (installed || stderr !== process.stderr) return;
  installed = true;
  process.once('beforeExit', () => setImmediate(() => undefined));
  for (const signal of ['SIGHUP', 'SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      stderr.write(
        `ideas: interrupted (${signal}) after the step under way finished: what is written is whole; run the command again to finish\n`,
      );
      process.exit(EXIT[signal]);
    });
  }
}
