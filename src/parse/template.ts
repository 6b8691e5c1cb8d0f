/** An idea template: its `##` headings are the sections every idea must fill in. */

import type { Template, TemplateSection } from '../model/types.js';

// Declared in the model so layers above the parser can name them; re-exported for parse's callers.
export type { Template, TemplateSection };

const HEADING = /^##\s+(.+?)\s*#*\s*$/;

export function parseTemplate(markdown: string): Template {
  return {
    sections: splitSections(markdown).map(({ heading, text }) => ({
      heading,
      placeholder: normaliseText(text),
    })),
  };
}

export interface BodySection {
  heading: string;
  text: string;
  /** Line of the heading, counted from the first body line (0-based). */
  offset: number;
}

export function splitSections(markdown: string): BodySection[] {
  const sections: BodySection[] = [];
  let current: BodySection | undefined;
  let inFence = false;
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  lines.forEach((line, index) => {
    if (/^\s*(```|~~~)/.test(line)) inFence = !inFence;
    const match = inFence ? null : HEADING.exec(line);
    if (match) {
      current = { heading: match[1] ?? '', text: '', offset: index };
      sections.push(current);
    } else if (current) {
      current.text += `${line}\n`;
    }
  });
  return sections;
}

/** Text compared without HTML comments, case, or how white space is laid out. */
export function normaliseText(text: string): string {
  return text
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}
