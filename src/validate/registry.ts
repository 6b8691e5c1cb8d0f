/** Every validation rule, keyed by its id. A test keeps this, the files in rules/ and the README's table in sync. */
import type { Rule } from './rule.js';
import { campaignClosed } from './rules/campaign/closed.js';
import { campaignUnknown } from './rules/campaign/unknown.js';
import { configInvalid } from './rules/config/invalid.js';
import { decisionDate } from './rules/decision/date.js';
import { decisionDuplicateOf } from './rules/decision/duplicate-of.js';
import { decisionFileName } from './rules/decision/file-name.js';
import { decisionImplementedBy } from './rules/decision/implemented-by.js';
import { decisionQuorum } from './rules/decision/quorum.js';
import { decisionRationale } from './rules/decision/rationale.js';
import { decisionReviewer } from './rules/decision/reviewer.js';
import { decisionScore } from './rules/decision/score.js';
import { decisionTransition } from './rules/decision/transition.js';
import { decisionUnknownIdea } from './rules/decision/unknown-idea.js';
import { decisionUnknownStatus } from './rules/decision/unknown-status.js';
import { fieldInvalid } from './rules/field/invalid.js';
import { fieldRequired } from './rules/field/required.js';
import { fieldUnknown } from './rules/field/unknown.js';
import { frontMatterAlias } from './rules/front-matter/alias.js';
import { frontMatterDuplicateKey } from './rules/front-matter/duplicate-key.js';
import { frontMatterEngine } from './rules/front-matter/engine.js';
import { frontMatterMissing } from './rules/front-matter/missing.js';
import { frontMatterNotMapping } from './rules/front-matter/not-mapping.js';
import { frontMatterTooLarge } from './rules/front-matter/too-large.js';
import { frontMatterUnclosed } from './rules/front-matter/unclosed.js';
import { frontMatterYaml } from './rules/front-matter/yaml.js';
import { ideaDate } from './rules/idea/date.js';
import { ideaDuplicateId } from './rules/idea/duplicate-id.js';
import { ideaFileName } from './rules/idea/file-name.js';
import { ideaMissingSection } from './rules/idea/missing-section.js';
import { ideaParentCycle } from './rules/idea/parent-cycle.js';
import { ideaParentNotTheme } from './rules/idea/parent-not-theme.js';
import { ideaPlaceholderSection } from './rules/idea/placeholder-section.js';
import { ideaTitleText } from './rules/idea/title-text.js';
import { ideaUnknownParent } from './rules/idea/unknown-parent.js';
import { ideaUnknownPerson } from './rules/idea/unknown-person.js';
import { ideaUnknownTeam } from './rules/idea/unknown-team.js';
import { repoMisplacedFile } from './rules/repo/misplaced-file.js';
import { repoSimilarIdeas } from './rules/repo/similar-ideas.js';
import { repoUnreadableFile } from './rules/repo/unreadable-file.js';
import { voteBudget } from './rules/vote/budget.js';
import { voteClosedIdea } from './rules/vote/closed-idea.js';
import { voteDate } from './rules/vote/date.js';
import { voteDuplicate } from './rules/vote/duplicate.js';
import { voteFileName } from './rules/vote/file-name.js';
import { votePoints } from './rules/vote/points.js';
import { voteSelfVote } from './rules/vote/self-vote.js';
import { voteUnknownIdea } from './rules/vote/unknown-idea.js';
import { voteUnknownVoter } from './rules/vote/unknown-voter.js';

export const rules: readonly Rule[] = [
  campaignClosed,
  campaignUnknown,
  configInvalid,
  decisionDate,
  decisionDuplicateOf,
  decisionFileName,
  decisionImplementedBy,
  decisionQuorum,
  decisionRationale,
  decisionReviewer,
  decisionScore,
  decisionTransition,
  decisionUnknownIdea,
  decisionUnknownStatus,
  fieldInvalid,
  fieldRequired,
  fieldUnknown,
  frontMatterAlias,
  frontMatterDuplicateKey,
  frontMatterEngine,
  frontMatterMissing,
  frontMatterNotMapping,
  frontMatterTooLarge,
  frontMatterUnclosed,
  frontMatterYaml,
  ideaDate,
  ideaDuplicateId,
  ideaFileName,
  ideaMissingSection,
  ideaParentCycle,
  ideaParentNotTheme,
  ideaPlaceholderSection,
  ideaTitleText,
  ideaUnknownParent,
  ideaUnknownPerson,
  ideaUnknownTeam,
  repoMisplacedFile,
  repoSimilarIdeas,
  repoUnreadableFile,
  voteBudget,
  voteClosedIdea,
  voteDate,
  voteDuplicate,
  voteFileName,
  votePoints,
  voteSelfVote,
  voteUnknownIdea,
  voteUnknownVoter,
];

export const rulesById: ReadonlyMap<string, Rule> = new Map(rules.map((rule) => [rule.id, rule]));
