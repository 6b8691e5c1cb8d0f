/** What a policy rule is: a pure function from the judged changes of a branch to findings. */
import type { Severity } from '../model/types.js';
import type { Config } from '../schema/config.js';
import type { Reads } from '../validate/reach.js';
import type { PolicyScope } from './scope.js';

/** What a policy rule reads on each side, by the kind of the changed file (validate/reach.ts). */
export interface PolicyReads {
  /** The tip of the base branch; the changed paths themselves are always read. */
  base: Reads;
  head: Reads;
}

/** One finding: what is wrong, and who may make the change instead. */
export interface PolicyFinding {
  file: string;
  message: string;
  allowed: string;
  /** The front-matter key to point at; the file's first line without it. */
  field?: string[];
}

export interface PolicyRule {
  id: string;
  /** The only place a policy rule's severity is set. */
  severity: Severity;
  /** One line for the README's table of policy rules. */
  description: string;
  /**
   * Validation rules this one judges more strictly on a pull request: `check` shows only the
   * policy's finding for a file both report, so one problem is never printed twice.
   */
  supersedes?: readonly string[];
  /** From these, `check` reads only what its rules need of the two sides. */
  reads: PolicyReads | ((config: Config) => PolicyReads);
  check(scope: PolicyScope): PolicyFinding[];
}
