/**
 * Style one of @inquirer/testing: `render()` each question `ideas new` and `ideas review` ask,
 * alone, with the real prompt, and answer it key by key.
 */
import { render } from '@inquirer/testing';
import { input, select } from '@inquirer/prompts';
import { describe, expect, it } from 'vitest';
import {
  rationaleQuestion,
  scoreQuestion,
  sectionQuestion,
  similarQuestion,
  teamQuestion,
  titleQuestion,
} from '../../src/cli/questions.js';
import { parseConfig } from '../../src/parse/config.js';
import { parseTemplate } from '../../src/parse/template.js';
import { CONFIG } from '../helpers/authoring.js';

const TEMPLATE = `## Problem
Who has the problem, how often, and what does it cost them?

## Proposal
What would you do about it?
`;

describe('the questions of ideas new, rendered one by one', () => {
  it('the title refuses an empty answer, then takes the typed one', async () => {
    const { answer, events, getScreen, nextRender } = await render(input, titleQuestion());
    expect(getScreen()).toContain('Title: the idea in a few words');
    events.keypress('enter');
    await nextRender();
    expect(getScreen()).toContain('a title is needed');
    events.type('Offer overnight shipping');
    events.keypress('enter');
    await expect(answer).resolves.toBe('Offer overnight shipping');
  });

  it('a section shows the template text as its hint and refuses it as an answer', async () => {
    const [section] = parseTemplate(TEMPLATE).sections;
    if (!section) throw new Error('template has no section');
    const { answer, events, getScreen, nextRender } = await render(
      input,
      sectionQuestion(section, TEMPLATE),
    );
    expect(getScreen()).toContain(
      'Problem (Who has the problem, how often, and what does it cost them?)',
    );
    events.type('Who has the problem, how often, and what does it cost them?');
    events.keypress('enter');
    await nextRender();
    expect(getScreen()).toContain("replace the template's text with your own");
    for (let i = 0; i < 70; i++) events.keypress('backspace');
    events.type('Customers wait two days for parcels.');
    events.keypress('enter');
    await expect(answer).resolves.toBe('Customers wait two days for parcels.');
  });

  it('the team list shows the configured teams, starting on the person’s own', async () => {
    const { config } = parseConfig(CONFIG);
    if (!config) throw new Error('bad fixture config');
    const { answer, events, getScreen } = await render(select, teamQuestion(config, 'sales'));
    const screen = getScreen();
    expect(screen).toContain('company');
    expect(screen).toContain('sales  in company');
    expect(screen).toContain('(no team)');
    expect(screen).toMatch(/❯ sales/);
    events.keypress('down');
    events.keypress('enter');
    await expect(answer).resolves.toBe('ops');
  });

  it('similar ideas: write anyway, vote for an open one instead, or stop; closed ones take no vote', async () => {
    const question = similarQuestion([
      { id: 'ship01', title: 'Offer overnight shipping', votable: true },
      { id: 'old01', title: 'Next-day parcels', votable: false },
    ]);
    const { answer, events, getScreen } = await render(select, question);
    expect(getScreen()).toContain('Vote for ship01 (Offer overnight shipping) instead');
    expect(getScreen()).not.toContain('old01');
    events.keypress('down');
    events.keypress('enter');
    await expect(answer).resolves.toBe('ship01');
  });

  it('the rationale of a review is required', async () => {
    const { answer, events, getScreen, nextRender } = await render(
      input,
      rationaleQuestion('rejected'),
    );
    events.keypress('enter');
    await nextRender();
    expect(getScreen()).toContain('a rejected decision says why');
    events.type('Not this year.');
    events.keypress('enter');
    await expect(answer).resolves.toBe('Not this year.');
  });

  it('a score takes a number or a blank', async () => {
    const { answer, events, getScreen, nextRender } = await render(input, scoreQuestion('impact'));
    expect(getScreen()).toContain('Score for impact (a number; blank to skip)');
    events.type('high');
    events.keypress('enter');
    await nextRender();
    expect(getScreen()).toContain('a number, or blank');
    for (let i = 0; i < 4; i++) events.keypress('backspace');
    events.type('4');
    events.keypress('enter');
    await expect(answer).resolves.toBe('4');
  });

  it('escapes terminal control sequences from idea titles in the choices', () => {
    const question = similarQuestion([
      { id: 'evil01', title: 'Nice\u001b[2J\u001b]0;pwned\u0007 idea', votable: true },
    ]);
    expect(JSON.stringify(question.choices)).not.toContain('\\u001b');
  });
});
