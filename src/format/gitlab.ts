/**
 * GitLab's Code Quality report (the `codequality` artifact the merge-request widget reads): a
 * JSON array of `{description, check_name, fingerprint, severity, location: {path, lines: {begin}}}`.
 * Paths are as given: relative to the project's top when run from there.
 */
import { createHash } from 'node:crypto';
import type { Problem } from '../model/types.js';
import { sanitizeLine } from './sanitize.js';

/** GitLab's scale is info, minor, major, critical, blocker: an error blocks a merge, a warning does not. */
const SEVERITY = { error: 'major', warning: 'minor' } as const;

export function formatGitlab(problems: readonly Problem[]): string {
  const seen = new Map<string, number>();
  const issues = problems.map((p) => {
    // The widget tells new problems from fixed ones by fingerprint: stable across runs, unique here.
    const key = `${p.rule}\0${p.file}\0${p.line}\0${p.message}`;
    const repeat = seen.get(key) ?? 0;
    seen.set(key, repeat + 1);
    return {
      description: sanitizeLine(p.message),
      check_name: p.rule,
      fingerprint: createHash('sha256').update(`${key}\0${repeat}`).digest('hex'),
      severity: SEVERITY[p.severity],
      location: { path: p.file, lines: { begin: p.line } },
    };
  });
  return `${JSON.stringify(issues, null, 2)}\n`;
}
