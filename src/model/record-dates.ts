/**
 * The day each record arrived on the main line: from git history when it knows, from the
 * record's own front matter otherwise. The report states how many dates fell back and why,
 * because a front-matter date is whatever the author typed.
 */
import { placeFile } from './layout.js';
import type { Repository } from './repository.js';
import type { Decision, Idea, Vote } from './types.js';

/** What the I/O edge learned from git: see src/git/history.ts. */
export interface HistoryInput {
  available: boolean;
  unavailableReason?: string;
  shallow: boolean;
  /** Root-relative path -> day first added on the main line. */
  added: ReadonlyMap<string, string>;
}

export interface DateSource {
  /** `git` when every date came from history, `front-matter` when none did. */
  source: 'git' | 'mixed' | 'front-matter';
  shallow: boolean;
  /** Records dated from front matter, by kind. */
  fallbacks: { ideas: number; votes: number; decisions: number };
  /** Up to 20 of those files, so a reader can see which. */
  fallbackFiles: string[];
  /** One sentence for the reader when anything fell back; null otherwise. */
  note: string | null;
}

export interface RecordDates {
  arrival(idea: Idea): string;
  vote(vote: Vote): string;
  decision(decision: Decision): string;
  source: DateSource;
}

/**
 * The string the file history keeps for each path git names (git/file-history.ts): the
 * repository's own copy of a record file's path, so that 1,000,000 dated files add no string
 * each; an idea path the repository no longer has as it is, since a renamed idea is dated by
 * its first path; nothing for any other path (a deleted vote or decision dates no record).
 */
export function historyKeys(repo: Pick<Repository, 'files'>): (path: string) => string | undefined {
  return (path) => repo.files.get(path)?.path ?? (path.startsWith('ideas/') ? path : undefined);
}

export function resolveDates(repo: Repository, history: HistoryInput): RecordDates {
  // An idea keeps its id when a title change renames its file: date it by its first path.
  const ideaAdded = new Map<string, string>();
  for (const [path, day] of history.added) {
    if (!path.startsWith('ideas/')) continue;
    const placed = placeFile(path);
    if (placed.kind !== 'idea' || placed.id === undefined) continue;
    const known = ideaAdded.get(placed.id);
    if (known === undefined || day < known) ideaAdded.set(placed.id, day);
  }
  const fallbacks = { ideas: 0, votes: 0, decisions: 0 };
  const fallbackFiles: string[] = [];
  const fellBack = (kind: keyof typeof fallbacks, path: string) => {
    fallbacks[kind]++;
    if (fallbackFiles.length < 20) fallbackFiles.push(path);
  };
  // Keyed by the record itself: a lookup by object is cheaper than hashing its path again.
  const arrivals = new Map<Idea, string>();
  for (const idea of repo.ideas) {
    const day = ideaAdded.get(idea.id);
    if (day === undefined) fellBack('ideas', idea.path);
    arrivals.set(idea, day ?? idea.created);
  }
  const voteDays = new Map<Vote, string>();
  for (const vote of repo.votes) {
    const day = history.added.get(vote.path);
    if (day === undefined) fellBack('votes', vote.path);
    voteDays.set(vote, day ?? vote.date);
  }
  const decisionDays = new Map<Decision, string>();
  for (const decision of repo.decisions) {
    const day = history.added.get(decision.path);
    if (day === undefined) fellBack('decisions', decision.path);
    decisionDays.set(decision, day ?? decision.date);
  }
  const total = repo.ideas.length + repo.votes.length + repo.decisions.length;
  const missing = fallbacks.ideas + fallbacks.votes + fallbacks.decisions;
  const source = missing === 0 ? 'git' : missing === total ? 'front-matter' : 'mixed';
  return {
    arrival: (idea) => arrivals.get(idea) ?? idea.created,
    vote: (vote) => voteDays.get(vote) ?? vote.date,
    decision: (decision) => decisionDays.get(decision) ?? decision.date,
    source: {
      source: total === 0 ? 'git' : source,
      shallow: history.shallow,
      fallbacks,
      fallbackFiles,
      note: missing === 0 ? null : noteFor(history, fallbacks),
    },
  };
}

function noteFor(history: HistoryInput, counts: DateSource['fallbacks']): string {
  const parts = [
    counts.ideas && `${counts.ideas} idea${counts.ideas === 1 ? '' : 's'}`,
    counts.votes && `${counts.votes} vote${counts.votes === 1 ? '' : 's'}`,
    counts.decisions && `${counts.decisions} decision${counts.decisions === 1 ? '' : 's'}`,
  ].filter(Boolean);
  const what = `${parts.join(', ')} dated from front matter`;
  if (!history.available)
    return `${what}: git history is unavailable (${history.unavailableReason ?? 'unknown reason'}).`;
  if (history.shallow)
    return `${what}: this is a shallow clone; run "git fetch --unshallow" (in CI, checkout with fetch-depth: 0) for exact dates.`;
  return `${what}: not yet committed on the main line.`;
}

/** Whole days from `from` to `to` (YYYY-MM-DD); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
