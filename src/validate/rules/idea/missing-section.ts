import { headingKey, sectionsOf } from '../../idea-sections.js';
import type { Finding, Rule } from '../../rule.js';

export const ideaMissingSection: Rule = {
  id: 'idea/missing-section',
  severity: 'error',
  reads: { idea: [] },
  description: 'An idea has every "##" section of the template (templates/idea.md).',
  check(repo) {
    const findings: Finding[] = [];
    const wanted = repo.template.sections.map((section) => ({
      heading: section.heading,
      key: headingKey(section.heading),
    }));
    for (const idea of repo.ideas) {
      const { keys } = sectionsOf(idea);
      for (const section of wanted) {
        if (keys.includes(section.key)) continue;
        findings.push({
          file: idea.path,
          line: repo.files.get(idea.path)?.frontMatter.bodyLine ?? 1,
          column: 1,
          message: `the section "## ${section.heading}" is missing: add it and fill it in`,
        });
      }
    }
    return findings;
  },
};
