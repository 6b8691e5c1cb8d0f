import type { Finding, Rule } from '../../rule.js';

export const voteFileName: Rule = {
  id: 'vote/file-name',
  severity: 'error',
  reads: { vote: [] },
  description: 'A vote lives in votes/<idea>/<voter>.md, matching its idea and voter fields.',
  check(repo) {
    const findings: Finding[] = [];
    for (const vote of repo.votes) {
      const placement = repo.files.get(vote.path)?.placement;
      const expected = `votes/${vote.idea}/${vote.voter}.md`;
      if (placement?.id !== vote.idea) {
        findings.push({
          file: vote.path,
          field: ['idea'],
          message: `the vote is for "${vote.idea}" but sits in votes/${placement?.id}/: move it to ${expected}`,
        });
      } else if (placement.voter !== vote.voter) {
        findings.push({
          file: vote.path,
          field: ['voter'],
          message: `the voter is "${vote.voter}" but the file is named ${placement.voter}.md: name it ${expected}`,
        });
      }
    }
    return findings;
  },
};
