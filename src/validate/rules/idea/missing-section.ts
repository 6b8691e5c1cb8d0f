import { splitSections } from '../../../parse/template.js';
import type { Finding, Rule } from '../../rule.js';

export const ideaMissingSection: Rule = {
  id: 'idea/missing-section',
  severity: 'error',
  reads: { idea: [] },
  description: 'An idea has every "##" section of the template (templates/idea.md).',
  check(repo) {
    const findings: Finding[] = [];
    for (const idea of repo.ideas) {
      const headings = new Set(splitSections(idea.body).map((s) => s.heading.toLowerCase()));
      for (const section of repo.template.sections) {
        if (headings.has(section.heading.toLowerCase())) continue;
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
