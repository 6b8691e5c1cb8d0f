/**
 * What an import writes, worked out without I/O: which ideas are new (a `source:` or id already
 * in the repository means "imported before"), their ids, authors as handles, the decisions that
 * walk the lifecycle to the source's status, and the votes. Everything it cannot map becomes a
 * note for stderr.
 */
import { allocateId } from '../model/ids.js';
import { handleOfEmail } from '../model/people.js';
import { isKnownStatus, legalNext } from '../model/lifecycle.js';
import type { Repository } from '../model/repository.js';
import { splitSections } from '../parse/template.js';
import { placeFile, slugify } from '../model/layout.js';
import { renderDecision, renderIdea, renderVote } from '../format/record-files.js';
import { HANDLE_PATTERN, ID_PATTERN, isRealDate } from '../schema/common.js';
import type { Config } from '../schema/config.js';
import type { ImportedDecision, ImportedIdea, ImportNote, Person } from './types.js';

export interface PlanOptions {
  today: string;
  /** Who signs the decisions an import writes (configured reviewers). */
  reviewers: string[];
  /** Add unknown authors and voters to the config's people. */
  addPeople: boolean;
  randomInt: (max: number) => number;
}

export interface PlannedFile {
  path: string;
  text: string;
}

export interface ImportPlan {
  files: PlannedFile[];
  ideas: { id: string; key: string; path: string; source: string | null }[];
  /** Already in the repository (by source or id): nothing written for them. */
  skipped: number;
  /** People to add to the config (`--add-people`), by handle. */
  people: Map<string, { emails: string[] }>;
  notes: ImportNote[];
  counts: { ideas: number; votes: number; decisions: number };
  /** Paths of the votes written for voters the source does not name. */
  anonymousVotes: Set<string>;
}

/** The shortest chain of legal transitions from `from` to `to`, `from` excluded. */
export function walkLifecycle(
  lifecycle: Config['lifecycle'],
  from: string,
  to: string,
): string[] | undefined {
  const previous = new Map<string, string>([[from, from]]);
  const queue = [from];
  while (queue.length > 0) {
    const at = queue.shift() ?? from;
    if (at === to) break;
    for (const next of legalNext(lifecycle, at)) {
      if (previous.has(next)) continue;
      previous.set(next, at);
      queue.push(next);
    }
  }
  if (!previous.has(to)) return undefined;
  const chain: string[] = [];
  for (let at = to; at !== from; at = previous.get(at) ?? from) chain.unshift(at);
  return chain;
}

/** A handle from what the source knows about a person; configured emails win. */
export function handleFor(person: Person, config: Config): string | undefined {
  const email = person.email?.toLowerCase();
  const configured = email === undefined ? undefined : handleOfEmail(config.people, email);
  if (configured !== undefined) return configured;
  for (const candidate of [person.login, email?.split('@')[0], person.name]) {
    if (!candidate) continue;
    const handle = candidate
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9._-]+/g, '-')
      .replace(/^[^a-z0-9]+|-+$/g, '')
      .slice(0, 64);
    if (HANDLE_PATTERN.test(handle)) return handle;
  }
  return undefined;
}

/**
 * The source's text as a body that has every section of the template: kept whole when it
 * already does (an export read back), else placed under the first section, its own `##`
 * headings demoted so they do not pose as sections, and the other sections saying so.
 */
export function fitBody(body: string, headings: readonly string[], origin: string): string {
  const has = new Set(splitSections(body).map((s) => s.heading.toLowerCase()));
  if (headings.every((h) => has.has(h.toLowerCase()))) return body;
  const [first, ...rest] = headings;
  const text = body.trim().replace(/^##(\s)/gm, '###$1');
  if (first === undefined) return text === '' ? `Imported from ${origin}.` : text;
  return [
    `## ${first}\n${text === '' ? `Imported from ${origin} without a description.` : text}\n`,
    ...rest.map((h) => `## ${h}\nNot stated in ${origin}.\n`),
  ].join('\n');
}

// eslint-disable-next-line no-control-regex -- a title is one line of plain text
const NOT_IN_TITLE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]+/g;

const STATUS_NAME = /^[a-z][a-z-]*$/;
const isDay = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value) && isRealDate(value);

const clamp = (date: string, low: string, high: string) =>
  date < low ? low : date > high ? high : date;

export function planImport(
  repo: Repository,
  imported: readonly ImportedIdea[],
  options: PlanOptions,
): ImportPlan {
  const config = repo.config;
  const lifecycle = config.lifecycle;
  const notes: ImportNote[] = [];
  const files: PlannedFile[] = [];
  const people = new Map<string, { emails: string[] }>();
  const counts = { ideas: 0, votes: 0, decisions: 0 };
  const anonymousVotes = new Set<string>();
  const sources = new Map<string, string>();
  for (const idea of repo.ideasById.values()) if (idea.source) sources.set(idea.source, idea.id);
  const taken = new Set(repo.ideasById.keys());
  const headings = repo.template.sections.map((s) => s.heading);
  const noted = new Set<string>();
  const noteOnce = (where: string, message: string) => {
    if (noted.has(message)) return;
    noted.add(message);
    notes.push({ where, message });
  };

  const person = (who: Person, where: string): string | undefined => {
    const handle = handleFor(who, config);
    if (!handle) {
      notes.push({ where, message: `cannot make a handle of ${JSON.stringify(who)}` });
      return undefined;
    }
    const configured = Object.keys(config.people).length > 0;
    if (configured && !Object.hasOwn(config.people, handle)) {
      if (options.addPeople) {
        const entry = people.get(handle) ?? { emails: [] };
        if (who.email && !entry.emails.includes(who.email)) entry.emails.push(who.email);
        people.set(handle, entry);
      } else {
        noteOnce(
          where,
          `"${handle}" is not under people in ideas.config.yaml: validate will warn (pass --add-people to add them)`,
        );
      }
    }
    return handle;
  };

  // Pass 1: which ideas are new, and their ids (a merged post may point at a later row).
  const keys = new Set<string>();
  const fresh: { item: ImportedIdea; id: string }[] = [];
  let skipped = 0;
  const keyToId = new Map(sources);
  for (const item of imported) {
    if (keys.has(item.key)) {
      notes.push({
        where: item.where,
        message: `appears twice in the file (${item.key}): the later one is skipped`,
      });
      continue;
    }
    keys.add(item.key);
    const existing =
      (item.source !== undefined ? sources.get(item.source) : undefined) ??
      (item.id !== undefined && repo.ideasById.has(item.id) ? item.id : undefined);
    if (existing !== undefined) {
      skipped++;
      keyToId.set(item.key, existing);
      continue;
    }
    const id =
      item.id !== undefined && ID_PATTERN.test(item.id) && !taken.has(item.id)
        ? item.id
        : allocateId(taken, options.randomInt);
    taken.add(id);
    keyToId.set(item.key, id);
    fresh.push({ item, id });
  }

  // Pass 2: the files.
  for (const { item, id } of fresh) {
    const origin = item.source ?? item.key;
    let authors = item.authors.flatMap((who) => person(who, item.where) ?? []);
    if (authors.length === 0) {
      notes.push({
        where: item.where,
        message: 'no author (a deleted account?): written as "ghost"',
      });
      authors = [person({ login: 'ghost' }, item.where) ?? 'ghost'];
    }
    const created = clamp(item.created, '0000-01-01', options.today);
    const kept = item.path === undefined ? undefined : placeFile(item.path);
    const path =
      kept?.kind === 'idea' && kept.nameOk && kept.id === id
        ? (item.path ?? '')
        : `ideas/${id}-${slugify(item.title)}.md`;
    const tags = item.tags.filter((tag) => {
      const ok = tag.trim().length > 0 && tag.length <= 40;
      if (!ok)
        notes.push({
          where: item.where,
          message: `tag "${tag}" is longer than 40 characters: left out`,
        });
      return ok;
    });
    files.push({
      path,
      text: renderIdea({
        id,
        title: item.title.replace(NOT_IN_TITLE, ' ').trim().slice(0, 200),
        authors: [...new Set(authors)],
        team: item.team,
        created,
        tags: [...new Set(tags)],
        kind: item.kind ?? 'idea',
        parent: item.parent,
        campaign: item.campaign,
        estimates: item.estimates,
        source: item.source,
        body: fitBody(item.body, headings, origin),
      }),
    });
    counts.ideas++;

    // Decisions: the export's own, or the chain that walks the lifecycle to the source's status.
    let decisions: ImportedDecision[] = item.decisions ?? [];
    if (!item.decisions && item.status) {
      const target = item.status;
      let status = target.status;
      let duplicateOf =
        target.duplicateOf === undefined ? undefined : keyToId.get(target.duplicateOf);
      let rationale = target.rationale ?? `Imported from ${origin}.`;
      if (status === 'duplicate' && duplicateOf === undefined) {
        notes.push({
          where: item.where,
          message: `merged into ${target.duplicateOf ?? 'an unnamed post'}, which is not in this import: written as rejected`,
        });
        status = 'rejected';
        rationale = `${rationale} (merged into ${target.duplicateOf ?? 'another post'} in the source)`;
        duplicateOf = undefined;
      }
      const chain = isKnownStatus(lifecycle, status)
        ? walkLifecycle(lifecycle, lifecycle.initial, status)
        : undefined;
      if (!chain) {
        notes.push({
          where: item.where,
          message: `status "${status}" cannot be reached in the configured lifecycle: imported as ${lifecycle.initial}`,
        });
      } else if (chain.length > 0 && options.reviewers.length === 0) {
        notes.push({
          where: item.where,
          message: `no reviewer to sign its decisions: imported as ${lifecycle.initial}`,
        });
      } else {
        const date = clamp(target.date, created, options.today);
        decisions = chain.map((step, index) => ({
          status: step,
          date,
          reviewers: options.reviewers,
          ...(step === 'duplicate' && duplicateOf !== undefined ? { duplicateOf } : {}),
          scores: {},
          rationale:
            index === chain.length - 1
              ? rationale
              : `Imported from ${origin}: a step on the way to ${status}.`,
        }));
      }
    }
    // An export is anyone's file: a status or date that cannot name a file is not written.
    decisions = decisions.filter((decision) => {
      const ok = STATUS_NAME.test(decision.status) && isDay(decision.date);
      if (!ok)
        notes.push({
          where: item.where,
          message: `a decision "${decision.status}" dated "${decision.date}" is not a status and a date: left out`,
        });
      return ok;
    });
    const closedOn = decisions.at(-1)?.date ?? options.today;
    const sequenceOnDay = new Map<string, number>();
    for (const decision of decisions) {
      const sequence = (sequenceOnDay.get(decision.date) ?? 0) + 1;
      sequenceOnDay.set(decision.date, sequence);
      const day = sequence === 1 ? decision.date : `${decision.date}-${sequence}`;
      files.push({
        path: `decisions/${id}/${day}-${decision.status}.md`,
        text: renderDecision({
          idea: id,
          status: decision.status,
          date: decision.date,
          reviewers: decision.reviewers,
          duplicate_of: decision.duplicateOf,
          scores: decision.scores,
          implemented_by: decision.implementedBy,
          rationale: decision.rationale,
        }),
      });
      counts.decisions++;
    }

    // Votes: named voters once each; counts without names as anonymous voters of this idea only.
    const voters = new Set<string>();
    let anonymous = 0;
    for (const vote of item.votes) {
      const voter = vote.voter ? person(vote.voter, item.where) : `anon-${id}-${++anonymous}`;
      if (!voter) continue;
      if (voters.has(voter)) {
        notes.push({ where: item.where, message: `a second vote by "${voter}": left out` });
        continue;
      }
      if (authors.includes(voter) && !config.voting.self_votes) {
        notes.push({
          where: item.where,
          message: `"${voter}" voted for their own idea and self-votes are off: left out`,
        });
        continue;
      }
      voters.add(voter);
      if (!vote.voter) anonymousVotes.add(`votes/${id}/${voter}.md`);
      const recordedBy = vote.voter ? vote.recordedBy : options.reviewers[0];
      files.push({
        path: `votes/${id}/${voter}.md`,
        text: renderVote({
          idea: id,
          voter,
          points: vote.points,
          date: clamp(vote.date, created, decisions.length > 0 ? closedOn : options.today),
          customers: vote.customers ?? [],
          recorded_by: recordedBy,
          comment: vote.comment,
        }),
      });
      counts.votes++;
    }
  }
  // Every path must be a record's own place: nothing a source says may point elsewhere.
  for (const file of files) {
    const placed = placeFile(file.path);
    if (
      placed.kind === 'ignored' ||
      placed.kind === 'misplaced' ||
      !placed.nameOk ||
      file.path.includes('..')
    )
      throw new Error(`import planned a path outside the layout: ${file.path}`);
  }
  return {
    files,
    ideas: fresh.map(({ item, id }) => ({
      id,
      key: item.key,
      path: files.find((f) => f.path.startsWith(`ideas/${id}-`))?.path ?? '',
      source: item.source ?? null,
    })),
    skipped,
    people,
    notes,
    counts,
    anonymousVotes,
  };
}
