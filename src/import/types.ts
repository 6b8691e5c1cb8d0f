/** What every importer turns its source into, before the plan maps it onto a repository. */

/** Someone named by the source: a login, an email, a display name, or any of them. */
export interface Person {
  login?: string | undefined;
  email?: string | undefined;
  name?: string | undefined;
}

export interface ImportedVote {
  /** Undefined when the source only counts votes (reactions, vote totals): an anonymous vote. */
  voter?: Person | undefined;
  points: number;
  date: string;
  customers?: string[] | undefined;
  recordedBy?: string | undefined;
  comment?: string | undefined;
}

/** A decision the source records as such (the JSON export carries them whole). */
export interface ImportedDecision {
  status: string;
  date: string;
  reviewers: string[];
  duplicateOf?: string | undefined;
  scores: Record<string, number>;
  implementedBy?: string[] | undefined;
  rationale: string;
}

/** Where the source says the idea ended up; the plan walks the lifecycle to get there. */
export interface ImportedStatus {
  status: string;
  date: string;
  rationale?: string | undefined;
  /** The `key` of the idea this one duplicates, when the source merged it. */
  duplicateOf?: string | undefined;
}

export interface ImportedIdea {
  /** Unique within the source: what makes a second import of the same file write nothing. */
  key: string;
  /** Written as the idea's `source:`; the JSON export's own value (or none) for `json`. */
  source?: string | undefined;
  /** Where in the file, for messages: "row 4", "issue #12". */
  where: string;
  /** Keep this id (the JSON export); otherwise one is allocated. */
  id?: string | undefined;
  /** Keep this file name when it fits the id (the JSON export); otherwise from the title. */
  path?: string | undefined;
  title: string;
  body: string;
  authors: Person[];
  created: string;
  tags: string[];
  team?: string | undefined;
  kind?: 'idea' | 'theme' | undefined;
  parent?: string | undefined;
  campaign?: string | undefined;
  estimates?: Record<string, number> | undefined;
  status?: ImportedStatus | undefined;
  decisions?: ImportedDecision[] | undefined;
  votes: ImportedVote[];
}

/** Something the importer could not map: printed on stderr, never dropped silently. */
export interface ImportNote {
  where: string;
  message: string;
}

export interface ParsedSource {
  ideas: ImportedIdea[];
  notes: ImportNote[];
}

/** `YYYY-MM-DD` of a timestamp in UTC, or undefined when it is not a date. */
export function dayOf(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  const text = value.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return text;
  const time = Date.parse(text);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString().slice(0, 10);
}

/**
 * The most anonymous votes one idea takes from a count. Each becomes a file; a count past this
 * is a damaged or hostile export (`1e12` would exhaust memory, then the disk), not a following.
 */
export const MAX_COUNTED_VOTES = 10_000;

/** Why a count of votes without voters cannot be imported, or undefined when it can. */
export function refuseVoteCount(count: number): string | undefined {
  return count > MAX_COUNTED_VOTES
    ? `vote count ${count} is over ${MAX_COUNTED_VOTES}, the most one idea takes: no votes imported`
    : undefined;
}
