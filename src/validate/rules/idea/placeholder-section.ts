import { normaliseText, splitSections } from '../../../parse/template.js';
import type { Finding, Rule } from '../../rule.js';

export const ideaPlaceholderSection: Rule = {
  id: 'idea/placeholder-section',
  severity: 'error',
  reads: { idea: [] },
  description: "No required section is empty or still holds the template's placeholder text.",
  check(repo) {
    const findings: Finding[] = [];
    const placeholders = new Map(
      repo.template.sections.map((s) => [s.heading.toLowerCase(), s.placeholder]),
    );
    for (const idea of repo.ideas) {
      const bodyLine = repo.files.get(idea.path)?.frontMatter.bodyLine ?? 1;
      for (const section of splitSections(idea.body)) {
        const placeholder = placeholders.get(section.heading.toLowerCase());
        if (placeholder === undefined) continue;
        const text = normaliseText(section.text);
        if (text !== '' && text !== placeholder) continue;
        findings.push({
          file: idea.path,
          line: bodyLine + section.offset,
          column: 1,
          message:
            text === ''
              ? `the section "## ${section.heading}" is empty: say something under it`
              : `the section "## ${section.heading}" still holds the template's text: replace it with your own`,
        });
      }
    }
    return findings;
  },
};
