/** `list --author HANDLE|@me` and `--search TEXT`: which ideas a person wrote, which mention a text. */
import { sameHandle } from '../model/people.js';
import type { RankedIdea } from '../rank/rank.js';
import type { Config } from '../schema/config.js';
import type { Context } from './context.js';
import { identifyUser } from './session.js';

export interface ListFilter {
  author?: string;
  /** Every word must be in the title or the body, in any case. */
  words: string[];
}

export function readListFilter(
  ctx: Context,
  root: string,
  config: Config,
  flags: { author: string | undefined; search: string | undefined },
): ListFilter {
  const author = flags.author?.trim();
  return {
    // `@me`, as gh has it: the configured person of your git email.
    ...(author
      ? { author: author === '@me' ? identifyUser({ git: ctx.git(root), config }).handle : author }
      : {}),
    words: (flags.search ?? '').toLowerCase().split(/\s+/).filter(Boolean),
  };
}

export function filterListing(entries: RankedIdea[], filter: ListFilter): RankedIdea[] {
  return entries.filter(({ idea }) => {
    const { author } = filter;
    if (author !== undefined && !idea.authors.some((a) => sameHandle(a, author))) return false;
    if (filter.words.length === 0) return true;
    const text = `${idea.title}\n${idea.body}`.toLowerCase();
    return filter.words.every((word) => text.includes(word));
  });
}
