/**
 * Progress on stderr for work that outlasts a second on a terminal (SPEC §4). Phases report
 * as they start; nothing shows until a second has passed, and nothing at all off a terminal.
 */
import type { Context } from './context.js';

export interface Progress {
  phase(label: string): void;
  done(): void;
}

export function startProgress(ctx: Context, now: () => number = ctx.now): Progress {
  const started = now();
  let shown = false;
  const enabled = ctx.stderr.isTTY === true && !ctx.env.CI;
  return {
    phase(label) {
      if (!enabled || now() - started < 1000) return;
      shown = true;
      ctx.err(`\r\u001b[2K${label}…`);
    },
    done() {
      if (shown) ctx.err('\r\u001b[2K');
    },
  };
}
