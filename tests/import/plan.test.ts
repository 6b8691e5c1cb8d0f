import { describe, expect, it } from 'vitest';
import { fitBody, handleFor, walkLifecycle } from '../../src/import/plan.js';
import { parseConfig } from '../../src/parse/config.js';

const config = (extra = '') => {
  const { config: parsed } = parseConfig(`version: 1\n${extra}`);
  if (!parsed) throw new Error('bad config');
  return parsed;
};

describe('walkLifecycle', () => {
  it('walks the main line to a late status, one legal step at a time', () => {
    const { lifecycle } = config();
    expect(walkLifecycle(lifecycle, 'proposed', 'shipped')).toEqual([
      'reviewing',
      'accepted',
      'prototyping',
      'validated',
      'shipped',
    ]);
    expect(walkLifecycle(lifecycle, 'proposed', 'rejected')).toEqual(['rejected']);
    expect(walkLifecycle(lifecycle, 'proposed', 'proposed')).toEqual([]);
  });

  it('follows a configured lifecycle, and says when a status cannot be reached', () => {
    const { lifecycle } = config(
      'lifecycle:\n  initial: new\n  transitions: {new: [triaged], triaged: [done], done: [], lost: []}\n  closed: [done]\n  rationale_required: []\n',
    );
    expect(walkLifecycle(lifecycle, 'new', 'done')).toEqual(['triaged', 'done']);
    expect(walkLifecycle(lifecycle, 'new', 'lost')).toBeUndefined();
  });
});

describe('handleFor', () => {
  const people = config('people:\n  pat: {emails: [Pat.Smith@example.com]}\n');
  it('prefers the configured person of an email, then login, email, name', () => {
    expect(handleFor({ email: 'pat.smith@example.com', name: 'P S' }, people)).toBe('pat');
    expect(handleFor({ login: 'Octo-Cat' }, people)).toBe('octo-cat');
    expect(handleFor({ email: 'lee.chan@example.com' }, people)).toBe('lee.chan');
    expect(handleFor({ name: 'Zoë Ångström' }, people)).toBe('zoe-angstrom');
    expect(handleFor({ name: '😀' }, people)).toBeUndefined();
  });
});

describe('fitBody', () => {
  const headings = ['Problem', 'Proposal'];
  it('keeps a body that has every section, and files any other under the first', () => {
    const whole = '## Problem\nA\n\n## Proposal\nB\n';
    expect(fitBody(whole, headings, 'x')).toBe(whole);
    expect(fitBody('Text\n## Proposal\nmine', headings, 'github:a/b#1')).toBe(
      '## Problem\nText\n### Proposal\nmine\n\n## Proposal\nNot stated in github:a/b#1.\n',
    );
    expect(fitBody('', headings, 'fider:1')).toContain(
      'Imported from fider:1 without a description.',
    );
  });
});
