/** The records of an ideas repository, as the core sees them after parsing. */
import type { ParsedSource } from './record-file.js';

export type Severity = 'error' | 'warning';

/** One thing wrong with one place in one file. Lines and columns start at 1. */
export interface Problem {
  rule: string;
  severity: Severity;
  file: string;
  line: number;
  column: number;
  message: string;
}

/** A file's raw text as read from the working tree or a git ref, path relative to the root. */
export interface SourceFile {
  path: string;
  text: string;
  /** Its parse, when a cache already had it (then `text` may be empty). */
  parsed?: ParsedSource;
}

/** A write in root-relative paths (or top-level ones, once handed to git); `text: null` deletes. */
export interface FileChange {
  path: string;
  text: string | null;
  /** The file must not exist yet (ideas, decisions, first votes). */
  exclusive: boolean;
}

export type RecordKind = 'idea' | 'vote' | 'decision';

export type Estimates = Partial<
  Record<
    | 'reach'
    | 'impact'
    | 'confidence'
    | 'effort'
    | 'ease'
    | 'value'
    | 'time_criticality'
    | 'risk_reduction'
    | 'job_size',
    number
  >
>;

export interface Idea {
  id: string;
  title: string;
  authors: string[];
  team?: string;
  created: string;
  tags: string[];
  kind: 'idea' | 'theme';
  parent?: string;
  campaign?: string;
  estimates: Estimates;
  /** The Markdown after the front matter. */
  body: string;
  path: string;
}

export interface Vote {
  idea: string;
  voter: string;
  points: number;
  date: string;
  customers: string[];
  /** Set when a reviewer recorded this vote for someone else (`ideas vote --as`). */
  recorded_by?: string;
  comment: string;
  path: string;
}

export interface Decision {
  idea: string;
  status: string;
  date: string;
  reviewers: string[];
  duplicate_of?: string;
  scores: Record<string, number>;
  rationale: string;
  path: string;
  /** Orders two decisions of one day: from the file name `<date>-<n>-<status>.md`, 1 when absent. */
  sequence: number;
}
