/**
 * Customer demand by account: each customer a counted vote names (model/support.ts, so a vote
 * on a duplicate asks for the idea it duplicates), the ideas asked for, and their status.
 */
import type { CountedVote } from '../model/support.js';
import type { Idea } from '../model/types.js';
import type { PersonName } from './person-names.js';
import type { IdeaRef, Report } from './report-types.js';
import { refWith } from './idea-ref.js';

export function buildCustomers(
  ideas: readonly Idea[],
  votersOf: (id: string) => readonly CountedVote[],
  /** Which counted votes count (those of the period); undefined for all of them. */
  counts: ((vote: CountedVote) => boolean) | undefined,
  refOf: (idea: Idea) => IdeaRef,
  name: PersonName,
): Report['customers'] {
  const accounts = new Map<
    string,
    { votes: number; voters: Set<string>; ideas: Map<Idea, number> }
  >();
  for (const idea of ideas)
    for (const vote of votersOf(idea.id)) {
      // Most votes name no customer: no set of them to build (one per vote, a million at most).
      if (vote.customers.length === 0 || (counts && !counts(vote))) continue;
      for (const customer of new Set(vote.customers)) {
        let account = accounts.get(customer);
        if (!account)
          accounts.set(customer, (account = { votes: 0, voters: new Set(), ideas: new Map() }));
        account.votes++;
        account.voters.add(name(vote.voter));
        account.ideas.set(idea, (account.ideas.get(idea) ?? 0) + 1);
      }
    }
  return [...accounts]
    .map(([customer, account]) => ({
      customer,
      votes: account.votes,
      voters: [...account.voters].sort(),
      ideas: [...account.ideas]
        .map(([idea, voters]) => refWith(refOf(idea), { voters }))
        .sort((a, b) => b.voters - a.voters || (a.id < b.id ? -1 : 1)),
    }))
    .sort(
      (a, b) =>
        b.ideas.length - a.ideas.length ||
        b.votes - a.votes ||
        (a.customer < b.customer ? -1 : a.customer > b.customer ? 1 : 0),
    );
}
