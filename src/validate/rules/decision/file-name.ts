import type { Finding, Rule } from '../../rule.js';

export const decisionFileName: Rule = {
  id: 'decision/file-name',
  severity: 'error',
  reads: { decision: ['decisions'] },
  description:
    'A decision lives in decisions/<idea>/<date>-<status>.md (or <date>-<n>-<status>.md for a second one that day), matching its fields.',
  check(repo) {
    const findings: Finding[] = [];
    for (const d of repo.decisions) {
      const placement = repo.files.get(d.path)?.placement;
      const expected = `decisions/${d.idea}/${d.date}-${d.status}.md`;
      if (!placement?.nameOk) {
        findings.push({
          file: d.path,
          line: 1,
          column: 1,
          message: `name the file <date>-<status>.md, here ${expected}`,
        });
      } else if (placement.id !== d.idea) {
        findings.push({
          file: d.path,
          field: ['idea'],
          message: `the decision is about "${d.idea}" but sits in decisions/${placement.id}/: move it to ${expected}`,
        });
      } else if (placement.date !== d.date || placement.status !== d.status) {
        findings.push({
          file: d.path,
          field: [placement.date !== d.date ? 'date' : 'status'],
          message: `the file name says ${placement.date} ${placement.status}, the front matter ${d.date} ${d.status}: make them agree`,
        });
      }
    }
    // Only the file name orders two decisions of one day: without a number, their order is a guess.
    for (const [idea, decisions] of repo.decisionsByIdea) {
      const seen = new Map<string, string>();
      for (const d of decisions) {
        const key = `${d.date}/${d.sequence}`;
        const first = seen.get(key);
        if (first === undefined) seen.set(key, d.path);
        else {
          findings.push({
            file: d.path,
            line: 1,
            column: 1,
            message: `${first} has the same day and number, so the order of the two is unknown: name the later one decisions/${idea}/${d.date}-${d.sequence + 1}-<status>.md`,
          });
        }
      }
    }
    return findings;
  },
};
