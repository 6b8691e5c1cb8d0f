import type { Finding, Rule } from '../../rule.js';

export const decisionScore: Rule = {
  id: 'decision/score',
  severity: 'error',
  reads: { decision: [] },
  description:
    "A decision's scores are for criteria under review.criteria, each within its scale (1 to 5 unless the config gives min and max); with no criteria configured, scores are not judged.",
  check(repo) {
    const { scales } = repo.config.review;
    const findings: Finding[] = [];
    // No scorecard configured (or one removed later): decisions are append-only, so a score
    // recorded then cannot be fixed now, and there is nothing to judge it against.
    if (Object.keys(scales).length === 0) return findings;
    for (const d of repo.decisions) {
      for (const [criterion, score] of Object.entries(d.scores)) {
        const scale = Object.hasOwn(scales, criterion) ? scales[criterion] : undefined;
        if (!scale) {
          findings.push({
            file: d.path,
            field: ['scores', criterion],
            message: `"${criterion}" is not a review criterion: use one of ${Object.keys(scales).join(', ')}`,
          });
        } else if (score < scale.min || score > scale.max) {
          findings.push({
            file: d.path,
            field: ['scores', criterion],
            message: `the score ${score} for ${criterion} is outside its scale of ${scale.min} to ${scale.max}`,
          });
        }
      }
    }
    return findings;
  },
};
