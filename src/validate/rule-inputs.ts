/**
 * What several rules derive from one record, derived once per run and shared: the rules run
 * over every record of the repository (100,000 and more), so a split repeated by each rule
 * that needs it is a cost counted in seconds. validateRepository makes one per run, so what it
 * holds is freed with the run's findings; a rule called alone derives afresh.
 */
import { splitSections, type BodySection } from '../parse/template.js';
import type { Idea } from '../model/types.js';

export interface IdeaSections {
  sections: readonly BodySection[];
  /** Each section's heading as headings are compared: without case. */
  keys: readonly string[];
}

export class RuleInputs {
  private readonly split = new Map<Idea, IdeaSections>();

  /** An idea's `##` sections: split once for idea/missing-section and idea/placeholder-section. */
  sectionsOf(idea: Idea): IdeaSections {
    let known = this.split.get(idea);
    if (known === undefined) {
      const sections = splitSections(idea.body);
      known = { sections, keys: sections.map((section) => headingKey(section.heading)) };
      this.split.set(idea, known);
    }
    return known;
  }
}

export function headingKey(heading: string): string {
  return heading.toLowerCase();
}
