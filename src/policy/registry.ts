/** Every policy rule of `ideas check`, keyed by id. A test keeps this, rules/ and the README's table in sync. */
import type { Config } from '../schema/config.js';
import type { Reads } from '../validate/reach.js';
import type { PolicyRule } from './rule.js';
import { authorConsent } from './rules/author-consent.js';
import { closedCampaign } from './rules/closed-campaign.js';
import { closedIdea } from './rules/closed-idea.js';
import { decisionAppendOnly } from './rules/decision-append-only.js';
import { decisionQuorum } from './rules/decision-quorum.js';
import { decisionReviewer } from './rules/decision-reviewer.js';
import { duplicateId } from './rules/duplicate-id.js';
import { ideaAuthor } from './rules/idea-author.js';
import { openPrBudget } from './rules/open-pr-budget.js';
import { reviewerOnly } from './rules/reviewer-only.js';
import { transition } from './rules/transition.js';
import { unsafePath } from './rules/unsafe-path.js';
import { voteVoter } from './rules/vote-voter.js';

export const policyRules: readonly PolicyRule[] = [
  unsafePath,
  voteVoter,
  decisionReviewer,
  decisionQuorum,
  decisionAppendOnly,
  transition,
  ideaAuthor,
  authorConsent,
  closedIdea,
  closedCampaign,
  reviewerOnly,
  duplicateId,
  openPrBudget,
];

export const policyRulesById: ReadonlyMap<string, PolicyRule> = new Map(
  policyRules.map((rule) => [rule.id, rule]),
);

/** What the policy rules read of each side under this config (validate/reach.ts). */
export function policyReads(config: Config | undefined): { base: Reads[]; head: Reads[] } {
  const declared = policyRules.map((rule) =>
    typeof rule.reads !== 'function'
      ? rule.reads
      : config
        ? rule.reads(config)
        : { base: {}, head: {} },
  );
  return { base: declared.map((r) => r.base), head: declared.map((r) => r.head) };
}
