import { readImplementation } from '../../../model/implemented-by.js';
import type { Finding, Rule } from '../../rule.js';

export const decisionImplementedBy: Rule = {
  id: 'decision/implemented-by',
  severity: 'error',
  reads: { decision: [] },
  description:
    'Each implemented_by entry is an http(s) link, or a commit id or tag that exists in the repository.',
  check(repo, context) {
    const findings: Finding[] = [];
    for (const d of repo.decisions) {
      d.implemented_by.forEach((entry, index) => {
        const read = readImplementation(entry);
        const field = ['implemented_by', String(index)];
        if (read.kind === 'invalid')
          findings.push({
            file: d.path,
            field,
            message: `"${entry}" ${read.reason}: give a pull-request or commit URL, a commit id or a tag`,
          });
        else if (
          read.kind === 'revision' &&
          context.knownRevisions &&
          !context.knownRevisions.has(read.revision)
        )
          findings.push({
            file: d.path,
            field,
            message: `there is no commit or tag "${read.revision}" in this repository: fetch it (git fetch --tags) or give its URL`,
          });
      });
    }
    return findings;
  },
};
