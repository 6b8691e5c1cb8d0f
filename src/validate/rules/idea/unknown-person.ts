import { handleKey, knownHandles } from '../../../model/people.js';
import type { Finding, Rule } from '../../rule.js';

export const ideaUnknownPerson: Rule = {
  id: 'idea/unknown-person',
  severity: 'warning',
  reads: { idea: [] },
  description: "An idea's authors are people in the config (when people are configured).",
  check(repo) {
    const people = repo.config.people;
    if (Object.keys(people).length === 0) return [];
    const known = knownHandles(people);
    const findings: Finding[] = [];
    for (const idea of repo.ideas) {
      for (const author of idea.authors) {
        if (!known.has(handleKey(author))) {
          findings.push({
            file: idea.path,
            field: ['authors'],
            message: `author "${author}" is not under people in ideas.config.yaml: add them, or check the spelling`,
          });
        }
      }
    }
    return findings;
  },
};
