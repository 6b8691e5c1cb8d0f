import type { Finding, Rule } from '../../rule.js';

export const voteFileName: Rule = {
  id: 'vote/file-name',
  severity: 'error',
  reads: { vote: [] },
  description: 'A vote lives in votes/<idea>/<voter>.md, matching its idea and voter fields.',
  check(repo) {
    const findings: Finding[] = [];
    for (const vote of repo.votes) {
      const expected = `votes/${vote.idea}/${vote.voter}.md`;
      // A vote's path has two slashes (layout.ts): equal to this, it names this idea and voter.
      // Compared as text, 100,000 votes need no lookup of their file.
      if (vote.path === expected) continue;
      const placement = repo.files.get(vote.path)?.placement;
      if (placement?.id !== vote.idea) {
        findings.push({
          file: vote.path,
          field: ['idea'],
          message: `the vote is for "${vote.idea}" but sits in votes/${placement?.id}/: move it to ${expected}`,
        });
      } else {
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
