/**
 * Roll-ups of the report: themes with everything under them, campaigns, and the ideas delivered
 * (a status of lifecycle.done) with who to thank. Support is the one count (model/support.ts).
 */
import { isClosed, isDone, statusOf } from '../model/lifecycle.js';
import type { Repository } from '../model/repository.js';
import { combinedSupport, type CountedVote } from '../model/support.js';
import type { Idea } from '../model/types.js';
import type { Timeline } from './funnel.js';
import type { PersonName } from './person-names.js';
import type { IdeaRef, Report, ReportOptions } from './report-types.js';
import { daysBetween } from './stats.js';
import { refWith } from './idea-ref.js';

export function buildThemes(
  repo: Repository,
  inScope: Map<string, Idea>,
  refOf: (idea: Idea) => IdeaRef,
  votersOf: (id: string) => readonly CountedVote[],
  status: Map<string, string>,
): Report['themes'] {
  const children = new Map<string, Idea[]>();
  for (const idea of repo.ideasById.values()) {
    if (idea.parent === undefined) continue;
    const list = children.get(idea.parent) ?? [];
    list.push(idea);
    children.set(idea.parent, list);
  }
  const rows: Report['themes'] = [];
  for (const theme of repo.ideasById.values()) {
    if (theme.kind !== 'theme') continue;
    // Everything under the theme, themes of themes included, each once.
    const under: Idea[] = [];
    const queue = [...(children.get(theme.id) ?? [])];
    const seen = new Set([theme.id]);
    while (queue.length > 0) {
      const idea = queue.shift() as Idea;
      if (seen.has(idea.id)) continue;
      seen.add(idea.id);
      if (inScope.has(idea.id)) under.push(idea);
      queue.push(...(children.get(idea.id) ?? []));
    }
    if (!inScope.has(theme.id) && under.length === 0) continue;
    const { voters, points } = combinedSupport([theme.id, ...under.map((i) => i.id)].map(votersOf));
    const statusOfIdea = (i: Idea) => status.get(i.id) ?? statusOf(repo, i.id);
    const leaves = under.filter((i) => i.kind === 'idea');
    rows.push({
      ...refOf(theme),
      ideas: leaves.length,
      open: leaves.filter((i) => !isClosed(repo.config.lifecycle, statusOfIdea(i))).length,
      delivered: leaves.filter((i) => isDone(repo.config.lifecycle, statusOfIdea(i))).length,
      voters,
      points,
    });
  }
  return rows.sort((a, b) => b.voters - a.voters || (a.id < b.id ? -1 : 1));
}

export function buildCampaigns(
  repo: Repository,
  options: ReportOptions,
  ideas: Idea[],
  votersOf: (id: string) => readonly CountedVote[],
  personName: PersonName,
): Report['campaigns'] {
  return Object.entries(repo.config.campaigns)
    .filter(([name]) => options.campaign === undefined || name === options.campaign)
    .map(([name, campaign]) => {
      const mine = ideas.filter((i) => i.campaign === name);
      const voters = new Set<string>();
      let votes = 0;
      for (const idea of mine)
        for (const { voter } of votersOf(idea.id)) {
          votes++;
          voters.add(personName(voter));
        }
      const state: 'upcoming' | 'open' | 'closed' =
        campaign.opens !== undefined && options.today < campaign.opens
          ? 'upcoming'
          : options.today > campaign.closes
            ? 'closed'
            : 'open';
      return {
        name,
        question: campaign.question,
        opens: campaign.opens ?? null,
        closes: campaign.closes,
        state,
        daysLeft: daysBetween(options.today, campaign.closes),
        ideas: mine.length,
        votes,
        voters: voters.size,
        ideaIds: mine.map((i) => i.id).sort(),
      };
    })
    .sort((a, b) => (a.closes < b.closes ? -1 : a.closes > b.closes ? 1 : 0));
}

export function buildDelivered(
  repo: Repository,
  leaves: readonly Idea[],
  timelines: ReadonlyMap<string, Timeline>,
  refOf: (idea: Idea) => IdeaRef,
  votersOf: (id: string) => readonly CountedVote[],
): Report['delivered'] {
  const lifecycle = repo.config.lifecycle;
  return leaves
    .filter((idea) => isDone(lifecycle, refOf(idea).status))
    .map((idea) => {
      const voters = votersOf(idea.id);
      // The day of the decision that delivered it: the first done status of its history.
      const steps = timelines.get(idea.id) ?? [];
      const day = steps.find((step, k) => k > 0 && isDone(lifecycle, step.status))?.day;
      return refWith(refOf(idea), {
        delivered: day ?? steps.at(-1)?.day ?? idea.created,
        authors: [...idea.authors].sort(),
        voters: voters.map((v) => v.voter).sort(),
        customers: [...new Set(voters.flatMap((v) => v.customers))].sort(),
      });
    })
    .sort((a, b) =>
      a.delivered > b.delivered ? -1 : a.delivered < b.delivered ? 1 : a.id < b.id ? -1 : 1,
    );
}
