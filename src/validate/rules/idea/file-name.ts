import { slugify } from '../../../model/layout.js';
import type { Finding, Rule } from '../../rule.js';

export const ideaFileName: Rule = {
  id: 'idea/file-name',
  severity: 'error',
  reads: { idea: [] },
  description:
    'An idea lives in ideas/<id>-<slug>.md: the name starts with its id and the slug is lowercase words joined by "-".',
  check(repo) {
    const findings: Finding[] = [];
    for (const idea of repo.ideas) {
      const placement = repo.files.get(idea.path)?.placement;
      if (placement?.nameOk && placement.id === idea.id) continue;
      findings.push({
        file: idea.path,
        field: ['id'],
        message: `the file name does not match id "${idea.id}": rename it to ideas/${idea.id}-${slugify(idea.title)}.md`,
      });
    }
    return findings;
  },
};
