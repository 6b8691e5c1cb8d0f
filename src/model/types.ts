/** The records of an ideas repository, as the core sees them after parsing. */

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
  /** Where an imported idea came from (`ideas import`), e.g. `github:acme/shop#123`. */
  source?: string;
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
  /** What delivered it: http(s) links to pull requests or commits, commit ids, tags. */
  implemented_by: string[];
  rationale: string;
  path: string;
  /** Orders two decisions of one day: from the file name `<date>-<n>-<status>.md`, 1 when absent. */
  sequence: number;
}

// The shapes parsing produces, declared here so the model (and everything above it) can name
// them without importing the parser: model/ imports nothing above it.

/** Where a path sits in the layout, read from its folder and file name alone. */
export type Placement =
  | {
      kind: RecordKind;
      nameOk: boolean;
      id?: string;
      slug?: string;
      voter?: string;
      date?: string;
      sequence?: number;
      status?: string;
    }
  | { kind: 'ignored' }
  | { kind: 'misplaced'; reason: string };

/** What rules need of a file's front matter to point at a line: its YAML and where it sits. */
export interface FrontMatterLines {
  /** The YAML source between the fences, lines as in the file from `yamlLine`. */
  yaml: string;
  /** File line (1-based) of the first YAML line. */
  yamlLine: number;
  /** File line (1-based) where the body starts. */
  bodyLine: number;
}

/**
 * A parsed record file: kept so that rules can point at the line of any field. One of these
 * lives per file of the repository, so it holds nothing that can be derived (its kind is its
 * placement's; its front matter is the parse itself, see ParsedSource).
 */
export interface RecordFile {
  path: string;
  placement: Extract<Placement, { kind: RecordKind }>;
  frontMatter: FrontMatterLines;
  /** Fields whose value the schema refused: rules that read them stay silent about them. */
  invalidFields?: string[];
}

/** The records of a repository, by kind. */
export interface RecordLists {
  ideas: Idea[];
  votes: Vote[];
  decisions: Decision[];
}

/**
 * What one file's text parses to as a record of one kind. It depends on the text and the kind
 * alone, never the path, so it can be cached by git blob id (see read/parse-cache.ts). It is
 * its own FrontMatterLines (a RecordFile points at it): one object per file, not two.
 */
export interface ParsedSource extends FrontMatterLines {
  kind: RecordKind;
  body: string;
  /** The schema's output, or undefined when the front matter or a field is broken. */
  fields: Record<string, unknown> | undefined;
  /**
   * When some fields are broken but the record can still be named (an idea's id; a vote's idea
   * and voter; a decision's idea, status and date): the valid fields, neutral values for the
   * broken ones. Rules run on it so every problem shows at once; ranking never sees it.
   */
  partial?: { fields: Record<string, unknown>; invalid: string[] };
  /** Shared and frozen when empty, as it nearly always is. */
  problems: readonly Omit<Problem, 'file'>[];
}

export interface TemplateSection {
  heading: string;
  /** The template's own text under the heading: left unchanged, it means "not filled in". */
  placeholder: string;
}

/** An idea template: its `##` headings are the sections every idea must fill in. */
export interface Template {
  sections: TemplateSection[];
}
