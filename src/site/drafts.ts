/**
 * The files the site's forms propose, built in the browser by the CLI's own writers
 * (`renderVote`, `renderIdea`, `slugify`, `allocateId` are bundled into the client), so that a
 * file committed through the forge's editor is the file `ideas vote` or `ideas new` would
 * write, and passes `ideas validate` and `ideas check`. Pure: the day and the random source
 * come in. What the CLI would refuse is said here too, before anyone opens the editor.
 */
import { bodyFromSections, renderIdea, renderVote } from '../format/record-files.js';
import { allocateId } from '../model/ids.js';
import { slugify } from '../model/layout.js';
import { sameHandle } from '../model/people.js';
import { HANDLE_PATTERN } from '../schema/patterns.js';

/** What an idea page tells its form about the idea and the repository's voting rules. */
export interface VoteContext {
  idea: string;
  authors: string[];
  /** Whether a handle has voted for the idea already (voted.ts). */
  voted: (handle: string) => boolean;
  closed: boolean;
  campaignCloses?: string | undefined;
  voting: { mode: string; budget: number; downvotes: boolean; selfVotes: boolean };
  people: string[];
}

export interface VoteInput {
  handle: string;
  points: number;
  customers: string;
  comment: string;
  today: string;
}

export interface Draft {
  /** Root-relative path of the new file. */
  path: string;
  text: string;
  /** What stops this file from passing; empty when it would pass. */
  problems: string[];
  /** What CI will warn about but accept. */
  warnings: string[];
}

export function voteDraft(context: VoteContext, input: VoteInput): Draft {
  const handle = input.handle.trim();
  const problems: string[] = [];
  const warnings: string[] = [];
  if (!HANDLE_PATTERN.test(handle))
    problems.push('Type your handle: letters, digits, ".", "_" or "-", as in the repository.');
  else if (context.people.length > 0 && !context.people.some((p) => sameHandle(p, handle)))
    warnings.push(
      `"${handle}" is not one of the people of this repository: CI will ask a reviewer to add you.`,
    );
  if (context.closed) problems.push('This idea is closed: it takes no new votes.');
  if (context.campaignCloses !== undefined && input.today > context.campaignCloses)
    problems.push(`Its campaign closed on ${context.campaignCloses}: it takes no new votes.`);
  if (!context.voting.selfVotes && context.authors.some((a) => sameHandle(a, handle)))
    problems.push('You are an author of this idea, and self-votes are off in this repository.');
  if (context.voted(handle))
    problems.push('You have voted for this idea already: edit your vote file instead.');
  const points = input.points;
  if (
    context.voting.mode === 'simple' &&
    points !== 1 &&
    !(context.voting.downvotes && points === -1)
  )
    problems.push('Simple voting takes 1 point per vote.');
  const customers = splitList(input.customers);
  for (const customer of customers)
    if (customer.length > 80) problems.push(`"${customer}" is longer than 80 characters.`);
  const comment = input.comment.trim();
  return {
    path: `votes/${context.idea}/${handle || 'your-handle'}.md`,
    text: renderVote({
      idea: context.idea,
      voter: handle,
      points,
      date: input.today,
      customers,
      comment: comment === '' ? undefined : comment,
    }),
    problems,
    warnings,
  };
}

export interface IdeaContext {
  takenIds: ReadonlySet<string>;
  sections: { heading: string; placeholder: string }[];
  people: string[];
}

export interface IdeaInput {
  handle: string;
  title: string;
  team: string;
  tags: string;
  parent: string;
  campaign: string;
  sections: Map<string, string>;
  today: string;
}

/** An id drawn once per form, as `ideas new` draws it: random, letter first, none of `taken`. */
export function freshIdeaId(
  taken: ReadonlySet<string>,
  getRandomValues: (array: Uint32Array) => Uint32Array,
): string {
  return allocateId(taken, randomIntFrom(getRandomValues));
}

/**
 * `randomInt(max)` in [0, max) from a source of random 32-bit words (crypto.getRandomValues),
 * without the modulo bias: words past the last whole multiple of `max` are drawn again.
 */
export function randomIntFrom(
  getRandomValues: (array: Uint32Array) => Uint32Array,
): (max: number) => number {
  const word = new Uint32Array(1);
  return (max) => {
    const limit = Math.floor(0x1_0000_0000 / max) * max;
    for (;;) {
      const value = getRandomValues(word)[0] ?? 0;
      if (value < limit) return value % max;
    }
  };
}

export function ideaDraft(id: string, context: IdeaContext, input: IdeaInput): Draft {
  const handle = input.handle.trim();
  const title = input.title.trim().replace(/\s+/g, ' ');
  const problems: string[] = [];
  const warnings: string[] = [];
  if (!HANDLE_PATTERN.test(handle))
    problems.push('Type your handle: letters, digits, ".", "_" or "-", as in the repository.');
  else if (context.people.length > 0 && !context.people.some((p) => sameHandle(p, handle)))
    warnings.push(`"${handle}" is not one of the people of this repository.`);
  if (title === '') problems.push('Give the idea a title.');
  const tags = splitList(input.tags);
  for (const tag of tags)
    if (tag.length > 40) problems.push(`"${tag}" is longer than 40 characters.`);
  if (title.length > 200)
    problems.push('Keep the title under 200 characters: the detail goes below.');
  for (const section of context.sections) {
    const text = input.sections.get(section.heading)?.trim() ?? '';
    if (text === '') problems.push(`Fill in "${section.heading}".`);
  }
  if (context.takenIds.has(id)) problems.push(`The id ${id} is taken: reload the page.`);
  const team = input.team.trim();
  return {
    path: `ideas/${id}-${slugify(title)}.md`,
    text: renderIdea({
      id,
      title,
      authors: handle === '' ? [] : [handle],
      team: team === '' ? undefined : team,
      created: input.today,
      tags,
      kind: 'idea',
      parent: input.parent.trim() || undefined,
      campaign: input.campaign.trim() || undefined,
      body: bodyFromSections(context.sections, input.sections),
    }),
    problems,
    warnings,
  };
}

/** `a, b,c` -> [a, b, c]: commas only, since a customer may be two words. */
function splitList(text: string): string[] {
  return [
    ...new Set(
      text
        .split(',')
        .map((part) => part.trim())
        .filter(Boolean),
    ),
  ];
}
