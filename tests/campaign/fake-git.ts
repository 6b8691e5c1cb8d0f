/**
 * A `git` first on PATH for the campaign: it counts its calls and, at call FAKE_GIT_AT (or at
 * the first call of the subcommand FAKE_GIT_ON), fails, prints garbage, hangs, or sends its
 * parent (the ideas process) a signal before doing the real work. With FAKE_GIT_LOG set, it
 * writes a line per call: the parent's pid, the locks held in FAKE_GIT_LOCKS, the arguments.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../helpers/repo.js';

export const REAL_GIT = spawnSync('which', ['git'], { encoding: 'utf8' }).stdout.trim();

export type FaultMode = 'fail' | 'garbage' | 'hang' | 'SIGINT' | 'SIGTERM';

export interface FakeGit {
  /** The folder to put first on PATH. */
  bin: string;
  /** Where a run's counter goes (one per run, so two runs at once count their own calls). */
  counter: string;
}

export function fakeGit(): FakeGit {
  const dir = tempDir('ideas-fakegit-');
  const counter = join(dir, 'calls');
  writeFileSync(
    join(dir, 'git'),
    `#!/bin/bash
c="\${FAKE_GIT_COUNTER}"
n=$(flock "$c.lock" bash -c 'n=$(( $(cat "$1" 2>/dev/null || echo 0) + 1 )); echo $n > "$1"; echo $n' _ "$c")
if [ -n "$FAKE_GIT_LOG" ]; then
  locks=$(cat "$FAKE_GIT_LOCKS"/*.lock 2>/dev/null | tr -d '\\n')
  printf '%s\\t%s\\t%s\\n' "$PPID" "$locks" "$*" >> "$FAKE_GIT_LOG"
fi
hit=
if [ "$n" = "\${FAKE_GIT_AT:-0}" ]; then hit=1; fi
if [ -n "$FAKE_GIT_ON" ] && [ "$1" = "$FAKE_GIT_ON" ] && [ ! -e "$c.hit" ]; then hit=1; touch "$c.hit"; fi
if [ -n "$hit" ]; then
  case "$FAKE_GIT_MODE" in
    fail) echo "fatal: simulated failure of call $n" >&2; exit 128 ;;
    garbage) printf 'garbage\\x01\\xff not what git prints\\n'; exit 0 ;;
    hang) exec sleep 600 ;;
    SIGINT|SIGTERM) kill -s "\${FAKE_GIT_MODE#SIG}" "$PPID" ;;
  esac
fi
exec "${REAL_GIT}" "$@"
`,
  );
  chmodSync(join(dir, 'git'), 0o755);
  return { bin: dir, counter };
}

/** A fresh counter path for one run; read it with `callsOf`. */
export function runCounter(fake: FakeGit): string {
  return `${fake.counter}.${Math.random().toString(36).slice(2)}`;
}

export function callsOf(counter: string): number {
  return existsSync(counter) ? Number(readFileSync(counter, 'utf8')) : 0;
}
