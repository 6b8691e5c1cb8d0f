/** What a validation rule is: a pure function from the repository to findings. */
import type { Repository } from '../model/repository.js';
import type { Severity } from '../model/types.js';
import type { Config } from '../schema/config.js';
import type { Reads } from './reach.js';

/** One finding; `field` points at a front-matter key when no line is known. */
export interface Finding {
  file: string;
  message: string;
  line?: number;
  column?: number;
  field?: string[];
}

export interface RuleContext {
  /** Today as YYYY-MM-DD: the core never reads the clock itself. */
  today: string;
  /**
   * The commit ids and tags named in `implemented_by` that exist in the local repository, when
   * the caller could ask git; absent, the rule checks their form only.
   */
  knownRevisions?: ReadonlySet<string>;
}

export interface Rule {
  id: string;
  severity: Severity;
  /** One line for the README's rule table and `--help`. */
  description: string;
  /**
   * The kinds of record it reports on, and what it reads beyond each (reach.ts): from these
   * alone, `check` and `validate --changed-since` know what to read and what a change affects.
   */
  reads: Reads | ((config: Config) => Reads);
  check(repo: Repository, context: RuleContext): Finding[];
}

/** Rules whose findings the reader and parser already made: they are listed, documented and counted like the rest. */
export function parseRule(id: string, severity: Severity, description: string): Rule {
  return {
    id,
    severity,
    description,
    // Found in the file itself, whatever its kind (a misplaced file too).
    reads: { idea: [], vote: [], decision: [] },
    check: (repo) => repo.problems.filter((problem) => problem.rule === id),
  };
}
