/**
 * The ideas delivered in a window: those whose status became one of the lifecycle's done
 * statuses by a decision that landed in it, with who to thank (authors, the voters whose
 * support counted, the customers they brought) and what delivered them (`implemented_by`).
 * Pure: the two states come in from the edge, as for `ideas changes`.
 */
import { readImplementation, type Implementation } from '../model/implemented-by.js';
import { isDone } from '../model/lifecycle.js';
import { countSupport } from '../model/support.js';
import type { State, WindowEdge } from './changes.js';

export interface DeliveredIdea {
  id: string;
  title: string;
  path: string;
  status: string;
  /** The delivering decision's date. */
  delivered: string;
  team: string | null;
  theme: string | null;
  authors: string[];
  voters: string[];
  customers: string[];
  implementedBy: Exclude<Implementation, { kind: 'invalid' }>[];
  reviewers: string[];
  rationale: string;
}

export interface Changelog {
  since: WindowEdge;
  until: WindowEdge;
  delivered: DeliveredIdea[];
  thanks: { authors: string[]; voters: string[]; customers: string[] };
}

export function changelogBetween(
  beforeState: State | undefined,
  afterState: State,
  window: { since: WindowEdge; until: WindowEdge },
): Changelog {
  const before = beforeState?.repo;
  const after = afterState.repo;
  const lifecycle = after.config.lifecycle;
  const landedBefore = new Set(before?.decisions.map((d) => d.path) ?? []);
  const support = countSupport(after).byIdea;
  const delivered: DeliveredIdea[] = [];
  for (const [id, decisions] of after.decisionsByIdea) {
    const idea = after.ideasById.get(id);
    if (!idea) continue;
    // The latest decision that delivered it inside the window; earlier deliveries are history.
    const delivering = decisions.findLast(
      (d) => isDone(lifecycle, d.status) && !landedBefore.has(d.path),
    );
    if (!delivering) continue;
    const counted = support.get(id) ?? [];
    const votedBy = new Set(counted.map((v) => `${v.from}\n${v.voter}`));
    const customers = new Set<string>();
    for (const vote of after.votes)
      if (votedBy.has(`${vote.idea}\n${vote.voter}`))
        for (const customer of vote.customers) customers.add(customer);
    const implementedBy: DeliveredIdea['implementedBy'] = [];
    const seen = new Set<string>();
    for (const d of decisions)
      for (const entry of d.implemented_by) {
        const read = readImplementation(entry);
        if (read.kind === 'invalid' || seen.has(entry)) continue;
        seen.add(entry);
        implementedBy.push(read);
      }
    delivered.push({
      id,
      title: idea.title,
      path: idea.path,
      status: delivering.status,
      delivered: afterState.dates.decision(delivering),
      team: idea.team ?? null,
      theme: idea.parent ?? null,
      authors: idea.authors,
      voters: [...new Set(counted.map((v) => v.voter))].sort(),
      customers: [...customers].sort(),
      implementedBy,
      reviewers: delivering.reviewers,
      rationale: delivering.rationale.trim(),
    });
  }
  delivered.sort(
    (a, b) =>
      (a.delivered < b.delivered ? 1 : a.delivered > b.delivered ? -1 : 0) ||
      (a.id < b.id ? -1 : 1),
  );
  const all = (pick: (d: DeliveredIdea) => string[]) =>
    [...new Set(delivered.flatMap(pick))].sort();
  return {
    since: window.since,
    until: window.until,
    delivered,
    thanks: {
      authors: all((d) => d.authors),
      voters: all((d) => d.voters),
      customers: all((d) => d.customers),
    },
  };
}
