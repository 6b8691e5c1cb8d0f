/**
 * The shapes parsing produces, declared here so the model (and everything above it) can name
 * them without importing the parser: model/ imports nothing above it.
 */
import type { Problem, RecordKind } from './types.js';

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

/** A parsed record file: kept so that rules can point at the line of any field. */
export interface RecordFile {
  path: string;
  kind: RecordKind;
  placement: Extract<Placement, { kind: RecordKind }>;
  frontMatter: FrontMatterLines;
  /** Keys written in the front matter, to tell a default from a value given. */
  keys: string[];
}

/**
 * What one file's text parses to as a record of one kind. It depends on the text and the kind
 * alone, never the path, so it can be cached by git blob id (see read/parse-cache.ts).
 */
export interface ParsedSource {
  kind: RecordKind;
  frontMatter: FrontMatterLines;
  body: string;
  keys: string[];
  /** The schema's output, or undefined when the front matter or a field is broken. */
  fields: Record<string, unknown> | undefined;
  problems: Omit<Problem, 'file'>[];
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
