/**
 * Long output goes to stdout in slices of about 1 MB: stdout encodes what it is given into a
 * buffer at once, so one 29 MB document would be held twice (the export of 10,000 ideas).
 */
import type { Context } from './context.js';

const SLICE = 1 << 20;

/** Writes `pieces` in order, small ones gathered and large ones cut, as one text. */
export function outInSlices(ctx: Pick<Context, 'out'>, pieces: Iterable<string>): void {
  let pending = '';
  const flush = () => {
    if (pending !== '') ctx.out(pending);
    pending = '';
  };
  for (const piece of pieces) {
    if (piece.length < SLICE) {
      pending += piece;
      if (pending.length >= SLICE) flush();
      continue;
    }
    flush();
    // Slices of a flat string are cheap views.
    for (let at = 0; at < piece.length; at += SLICE) ctx.out(piece.slice(at, at + SLICE));
  }
  flush();
}
