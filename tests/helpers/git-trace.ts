/** The git commands a run started, read from git's own trace (GIT_TRACE2_EVENT). */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from './repo.js';

/** A fresh trace file for one run: pass it as GIT_TRACE2_EVENT. */
export function traceFile(): string {
  return join(tempDir('ideas-trace-'), 'trace.json');
}

/** Each git command started, as "name args" (`git` left off), in the order they started. */
export function gitCommands(trace: string): string[] {
  if (!existsSync(trace)) return [];
  return readFileSync(trace, 'utf8')
    .split('\n')
    .filter((line) => line.includes('"event":"start"'))
    .map((line) => (JSON.parse(line) as { argv: string[] }).argv.slice(1).join(' '));
}
