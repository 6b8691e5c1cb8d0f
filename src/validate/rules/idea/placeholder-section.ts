import { headingKey, sectionsOf } from '../../idea-sections.js';
import { normaliseText, type BodySection } from '../../../parse/template.js';
import type { Finding, Rule } from '../../rule.js';

export const ideaPlaceholderSection: Rule = {
  id: 'idea/placeholder-section',
  severity: 'error',
  reads: { idea: [] },
  description: "No required section is empty or still holds the template's placeholder text.",
  check(repo) {
    const findings: Finding[] = [];
    const placeholders = new Map(
      repo.template.sections.map((s) => [headingKey(s.heading), s.placeholder]),
    );
    const lengths = new Map([...placeholders].map(([key, text]) => [key, visibleLength(text)]));
    for (const idea of repo.ideas) {
      const { sections, keys } = sectionsOf(idea);
      for (let i = 0; i < sections.length; i++) {
        const section = sections[i] as BodySection;
        const key = keys[i] as string;
        const placeholder = placeholders.get(key);
        if (placeholder === undefined) continue;
        // Most sections hold text of their own, told apart by its length alone. A placeholder
        // of no known length (not plain ASCII, or with a "<") never equals such a text either.
        const length = visibleLength(section.text);
        if (length !== undefined && length !== 0 && length !== lengths.get(key)) continue;
        const text = normaliseText(section.text);
        if (text !== '' && text !== placeholder) continue;
        const bodyLine = repo.files.get(idea.path)?.frontMatter.bodyLine ?? 1;
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

/**
 * How many characters of `text` are not white space, when that is what normaliseText keeps
 * (plain ASCII, no HTML comment); undefined when only normaliseText can tell.
 */
function visibleLength(text: string): number | undefined {
  let visible = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code > 126 || code === 60 /* < */) return undefined;
    // The ASCII white space of \s: tab, line feed, vertical tab, form feed, carriage return, space.
    if (code !== 32 && (code < 9 || code > 13)) visible++;
  }
  return visible;
}
