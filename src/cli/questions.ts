/**
 * The questions `new` and `review` ask, as plain inquirer configs: built here (pure) so each
 * one can be rendered and answered alone in a test, and asked through cli/prompts.ts.
 */
import { sanitizeLine } from '../format/sanitize.js';
import { normaliseText, type TemplateSection } from '../parse/template.js';
import type { Config } from '../schema/config.js';
import { checkEstimate, type EstimateName } from './estimates.js';

export interface Choice {
  name: string;
  value: string;
}

export function titleQuestion() {
  return {
    message: 'Title: the idea in a few words',
    validate: (value: string) =>
      value.trim() === ''
        ? 'a title is needed'
        : value.length > 200
          ? 'at most 200 characters'
          : true,
  };
}

export function teamQuestion(config: Config, mine: string | undefined) {
  const teams = Object.keys(config.teams);
  const choices: Choice[] = [
    ...teams.map((name) => {
      const label = config.teams[name]?.name;
      const parent = config.teams[name]?.parent;
      return {
        name: `${name}${label ? ` (${sanitizeLine(label)})` : ''}${parent ? `  in ${parent}` : ''}`,
        value: name,
      };
    }),
    { name: '(no team)', value: '' },
  ];
  return { message: 'Team', choices, ...(mine && teams.includes(mine) ? { default: mine } : {}) };
}

export function tagsQuestion() {
  return { message: 'Tags (comma-separated, optional)' };
}

export function themeQuestion(themes: readonly { id: string; title: string }[]) {
  return {
    message: 'Theme it serves',
    choices: [
      { name: '(none)', value: '' },
      ...themes.map((t) => ({ name: `${t.id}  ${sanitizeLine(t.title)}`, value: t.id })),
    ],
  };
}

export function campaignQuestion(
  campaigns: readonly [string, { question: string; closes: string }][],
) {
  return {
    message: 'Campaign it answers',
    choices: [
      { name: '(none)', value: '' },
      ...campaigns.map(([name, c]) => ({
        name: `${name}: ${sanitizeLine(c.question)} (closes ${c.closes})`,
        value: name,
      })),
    ],
  };
}

/** One template section; the placeholder is shown as the hint and refused as an answer. */
export function sectionQuestion(section: TemplateSection, template: string) {
  const hint = sectionHint(template, section.heading);
  return {
    message: `${section.heading}${hint ? ` (${hint})` : ''}`,
    validate: (value: string) => {
      const text = normaliseText(value);
      if (text === '') return `say something under "${section.heading}"`;
      if (text === section.placeholder) return "replace the template's text with your own";
      return true;
    },
  };
}

/** The template's own text under a heading, on one line, as written (not lower-cased). */
function sectionHint(template: string, heading: string): string {
  const lines = template.replace(/\r\n?/g, '\n').split('\n');
  const start = lines.findIndex(
    (line) => /^##\s/.test(line) && line.replace(/^##\s+/, '').trim() === heading,
  );
  if (start === -1) return '';
  const text: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (/^##\s/.test(line)) break;
    text.push(line);
  }
  return sanitizeLine(
    text
      .join(' ')
      .replace(/<!--[\s\S]*?-->/g, '')
      .replace(/\s+/g, ' ')
      .trim(),
  );
}

export interface SimilarChoice {
  id: string;
  title: string;
  /** False for closed ideas, and for the user's own when self-votes are off. */
  votable: boolean;
}

/** '' writes the idea, '-' stops, an id votes for that idea instead (only ideas one may vote for). */
export function similarQuestion(similar: readonly SimilarChoice[]) {
  return {
    message: 'Write it anyway, or vote for one of these instead?',
    choices: [
      { name: 'Write my idea', value: '' },
      ...similar
        .filter((s) => s.votable)
        .map((s) => ({ name: `Vote for ${s.id} (${sanitizeLine(s.title)}) instead`, value: s.id })),
      { name: 'Stop: write nothing', value: '-' },
    ],
  };
}

export function rationaleQuestion(status: string) {
  return {
    message: `Why ${status}? (one paragraph, for the idea's authors)`,
    validate: (value: string) => value.trim() !== '' || `a ${status} decision says why`,
  };
}

/** A reviewer's score for one criterion: a number, or blank to leave it out. */
export function scoreQuestion(criterion: string) {
  return {
    message: `Score for ${criterion} (a number; blank to skip)`,
    validate: (value: string) =>
      value.trim() === '' || Number.isFinite(Number(value.trim())) || 'a number, or blank',
  };
}

/** What each estimate measures, in the words of the models that read it. */
const ESTIMATE_HINTS: Record<EstimateName, string> = {
  reach: 'people or events it reaches in a period',
  impact: 'how much it moves each of them',
  confidence: 'how sure you are, from 0 to 1',
  effort: 'the work it takes, e.g. person-months',
  ease: 'how easy it is to do',
  value: 'the value it brings',
  time_criticality: 'how much waiting costs',
  risk_reduction: 'the risk it removes or the opportunity it opens',
  job_size: 'the work it takes',
};

/** One estimate the configured model reads: a number within the schema's bounds, or blank to skip. */
export function estimateQuestion(name: EstimateName, model: string) {
  return {
    message: `Estimate: ${name} for ${model} (${ESTIMATE_HINTS[name]}; blank to skip)`,
    validate: (value: string) => {
      if (value.trim() === '') return true;
      const checked = checkEstimate(name, value);
      return typeof checked === 'number' || `${name} ${checked}`;
    },
  };
}
