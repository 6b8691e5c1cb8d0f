/**
 * Long output on a terminal goes through a pager, as git does: `IDEAS_PAGER`, else `PAGER`,
 * else `less` with `LESS=FRX` (quit if one screen, keep colours, leave the text on screen).
 * Never when stdout is not a terminal, with `--no-pager`, or when the output fits the screen.
 * The command writes into a buffer; the pager (or stdout) gets it when the command is done.
 */
import { spawn } from 'node:child_process';
import type { Context, OutStream } from './context.js';

/** The read commands whose output can run past a screen. */
export const PAGED_COMMANDS: ReadonlySet<string> = new Set(['show', 'list', 'report', 'rank']);

/** The pager's shell command, or undefined for none. */
export function pagerCommand(env: Context['env']): string | undefined {
  const chosen = env.IDEAS_PAGER ?? env.PAGER;
  if (chosen === undefined) return 'less';
  const trimmed = chosen.trim();
  // `PAGER=cat` or empty means "no pager", as for git.
  return trimmed === '' || trimmed === 'cat' ? undefined : trimmed;
}

/** True when the text is taller (or, wrapped, wider) than the terminal. */
export function exceedsScreen(text: string, stream: OutStream): boolean {
  const rows = stream.rows ?? 24;
  const columns = stream.columns ?? 80;
  let lines = 0;
  for (const line of text.split('\n')) {
    // eslint-disable-next-line no-control-regex -- colour codes take no room on screen
    const width = line.replace(/\u001b\[[0-9;]*m/g, '').length;
    lines += Math.max(1, Math.ceil(width / columns));
    if (lines >= rows) return true;
  }
  return false;
}

export interface Paging {
  /** The context the command runs with: its stdout is buffered. */
  ctx: Context;
  /** Writes what the command printed: through the pager when it is long, else straight out. */
  finish(): Promise<void>;
}

export function startPaging(ctx: Context, enabled: boolean): Paging | undefined {
  const command = pagerCommand(ctx.env);
  if (!enabled || command === undefined || ctx.stdout.isTTY !== true) return undefined;
  const chunks: string[] = [];
  return {
    ctx: { ...ctx, out: (text) => void chunks.push(text) },
    async finish() {
      const text = chunks.join('');
      if (!exceedsScreen(text, ctx.stdout) || !(await runPager(ctx, command, text))) ctx.out(text);
    },
  };
}

/** Resolves false when the pager could not start (then the caller prints the text itself). */
function runPager(ctx: Context, command: string, text: string): Promise<boolean> {
  const out = ctx.stdout;
  // The real terminal when there is one, so the pager can draw on it.
  const fd = 'fd' in out && typeof out.fd === 'number' ? out.fd : 'pipe';
  return new Promise((resolve) => {
    const child = spawn(command, {
      shell: true,
      stdio: ['pipe', fd, 'inherit'],
      env: { ...process.env, ...ctx.env, LESS: ctx.env.LESS ?? 'FRX', LV: ctx.env.LV ?? '-c' },
    });
    let started = false;
    child.on('spawn', () => (started = true));
    child.on('error', () => resolve(false));
    child.stdout?.on('data', (chunk: Buffer) => out.write(chunk));
    // Quitting the pager early closes its input: that is the reader's choice, not an error.
    child.stdin?.on('error', () => undefined);
    child.on('close', (code) => resolve(started && code !== 127));
    child.stdin?.end(text);
  });
}
