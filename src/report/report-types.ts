/**
 * The shape of `ideas report`: the value buildReport returns IS the `--format json` output
 * (README "Report JSON"), so renaming a key raises `schema`.
 */
import type { DateSource, HistoryInput } from '../model/record-dates.js';
import type { WaitingIdea } from '../model/review-queue.js';

export type { WaitingIdea };
import type { Spread } from './stats.js';
import type { Roadmap } from './roadmap.js';
import type { Support } from '../model/support.js';

export interface ReportOptions {
  today: string;
  history: HistoryInput;
  since?: string | undefined;
  /** Only this team and its sub-teams. */
  team?: string | undefined;
  campaign?: string | undefined;
  /** The git ref read, for the header; null for the working tree. */
  ref?: string | undefined;
  /** How many top ideas to list (default 10). */
  top?: number;
  /** The one support count, when the caller has made it already (the site): counted once. */
  support?: Support;
}

export interface IdeaRef {
  id: string;
  title: string;
  path: string;
  status: string;
  team: string | null;
}

export interface FunnelStage {
  status: string;
  /** Ideas in this status now. */
  current: number;
  /** Ideas that ever got this far along the main line. */
  reached: number;
  /** reached(next stage) / reached(this stage); null for the last stage or when none reached it. */
  conversion: number | null;
  /** Ideas that left this stage for a side status, by that status. */
  exits: Record<string, number>;
  /** A status of lifecycle.done: reaching it is delivery. */
  done: boolean;
}

export interface TeamFigures {
  ideas: number;
  authors: number;
  votes: number;
  voters: number;
}

export interface TeamRow {
  team: string;
  /** The display name from the config, when it gives one. */
  name: string | null;
  parent: string | null;
  depth: number;
  own: TeamFigures;
  /** The team and every team under it. */
  rolledUp: TeamFigures;
}

export interface LevelRow {
  /** 0 is the top of the hierarchy; null gathers ideas and votes with no known team. */
  level: number | null;
  label: string;
  teams: string[];
  frontLine: boolean;
  ideas: number;
  ideasShare: number | null;
  votes: number;
  votesShare: number | null;
}

/** Days from an idea's arrival to it reaching a status, over the ideas that reached it. */
export interface StageLatency extends Spread {
  status: string;
}

export interface ReviewerLoad {
  reviewer: string;
  /** Decisions in the window this configured reviewer signed. */
  decisions: number;
  /** Ideas in the queue whose latest decision this reviewer signed. */
  openItems: number;
  lastDecision: string | null;
}

/** One person's ideas and votes: what the report counts them for. */
export interface PersonRow {
  person: string;
  /** Their team in `people`, when the config gives one. */
  team: string | null;
  /** Ideas they are an author of. */
  ideas: number;
  /** Vote records they wrote (one per idea). */
  votes: number;
  /** The latest day they brought an idea or a vote. */
  lastActive: string;
}

/** Figures of one stretch of days, both ends included. */
export interface PeriodFigures {
  from: string;
  to: string;
  /** Ideas that arrived (themes apart). */
  ideas: number;
  votes: number;
  decisions: number;
  /** Ideas that first reached a done status. */
  delivered: number;
  authors: number;
  voters: number;
  customers: number;
}

export interface Report {
  schema: number;
  today: string;
  ref: string | null;
  filters: { since: string | null; team: string | null; campaign: string | null };
  dates: DateSource;
  /** The lifecycle the figures follow, as the config gives it. */
  lifecycle: {
    initial: string;
    main: string[];
    done: string[];
    closed: string[];
    inReview: string[];
  };
  totals: {
    /** Records of kind idea (first file of each id), themes apart: as IDEAS.md counts them. */
    ideas: number;
    themes: number;
    /** Ideas whose status is one of lifecycle.done now. */
    delivered: number;
    votes: number;
    decisions: number;
    authors: number;
    voters: number;
    customers: number;
  };
  funnel: {
    stages: FunnelStage[];
    /** Side statuses (off the main line) with how many ideas are in each now. */
    exits: { status: string; current: number }[];
    /** Ideas that reached a done status / ideas that arrived. */
    overall: number | null;
  };
  latency: {
    /** Days from arrival to the first decision, over decided ideas. */
    firstDecision: Spread;
    /** Ideas with no decision yet, and how long they have waited since arrival (to today). */
    undecided: Spread & { longest: number | null };
    distribution: { label: string; min: number; max: number | null; count: number }[];
    /** Days from arrival to first reaching each main-line status after the initial one. */
    toStage: StageLatency[];
    /** Days from arrival to first reaching a done status. */
    toDone: Spread;
    /** Days spent in each status before the next decision. */
    stages: StageLatency[];
  };
  participation: {
    authors: number;
    voters: number;
    teams: TeamRow[];
    levels: LevelRow[];
    newContributors: { month: string; count: number; people: string[] }[];
  };
  /** Months of the trend window, oldest first: every format shows exactly these. */
  trendWindow: { from: string; to: string; months: number };
  trends: { month: string; ideas: number; votes: number; decisions: number }[];
  top: {
    model: string;
    ideas: (IdeaRef & { score: number | null; votes: number; points: number })[];
  };
  themes: (IdeaRef & {
    ideas: number;
    open: number;
    delivered: number;
    voters: number;
    points: number;
  })[];
  campaigns: {
    name: string;
    question: string;
    opens: string | null;
    closes: string;
    state: 'upcoming' | 'open' | 'closed';
    /** Days until it closes; negative once closed. */
    daysLeft: number;
    ideas: number;
    votes: number;
    voters: number;
    ideaIds: string[];
  }[];
  review: {
    /** The queue rule in words, from the config. */
    rule: string;
    threshold: number;
    staleAfterDays: number;
    queue: WaitingIdea[];
    /** Open ideas on the main line, not delivered, with no decision for over staleAfterDays. */
    stale: WaitingIdea[];
    /** Configured reviewers only. */
    reviewers: ReviewerLoad[];
    /** Decisions in the window where an author withdrew their own idea. */
    authorWithdrawals: number;
  };
  delivered: (IdeaRef & {
    delivered: string;
    authors: string[];
    voters: string[];
    customers: string[];
  })[];
  /** Open ideas past review by stage (report/roadmap.ts), in the team and campaign scope. */
  roadmap: Omit<Roadmap, 'today'>;
  people: {
    /** Everyone who brought an idea or a vote in scope, most ideas and votes first. */
    contributors: PersonRow[];
    quietAfterDays: number;
    /** People active before who brought nothing in the last quietAfterDays days. */
    quiet: (PersonRow & { quietDays: number })[];
  };
  /** Each customer named in counted votes, with the ideas asked for: most ideas first. */
  customers: {
    customer: string;
    votes: number;
    voters: string[];
    ideas: (IdeaRef & { voters: number })[];
  }[];
  /** This period against the one of the same length before it. */
  period: {
    /** `since` when --since gave the period, `default` for the last PERIOD_DAYS days. */
    source: 'since' | 'default';
    days: number;
    current: PeriodFigures;
    previous: PeriodFigures;
  };
  /** Ideas with the most new support (counted votes that arrived) in the current period. */
  rising: (IdeaRef & {
    newVotes: number;
    newPoints: number;
    previousVotes: number;
    votes: number;
  })[];
}
