import { describe, expect, it } from 'vitest';
import { parseConfig } from '../src/parse/config.js';
import { DEFAULT_LIFECYCLE } from '../src/schema/config.js';
import {
  carriesSuccessor,
  isAuthorWithdrawal,
  isDone,
  statusOrder,
} from '../src/model/lifecycle.js';
import { DEFAULT_MAIN_LINE, PEP_LIFECYCLE } from './helpers/lifecycles.js';

const PEP = `version: 1
${PEP_LIFECYCLE}`;

function problemsOf(text: string): string[] {
  return parseConfig(text).problems.map((p) => `${p.line}:${p.column} ${p.severity} ${p.message}`);
}

describe('lifecycle from the config', () => {
  it('the default lifecycle has its main line, done, successor and withdrawal', () => {
    const lifecycle = parseConfig('version: 1\n').config?.lifecycle;
    expect(lifecycle).toEqual(DEFAULT_LIFECYCLE);
    expect(lifecycle?.main).toEqual(DEFAULT_MAIN_LINE);
    expect(lifecycle?.done).toEqual(['shipped']);
    expect(lifecycle?.successor).toEqual(['duplicate']);
    expect(lifecycle?.withdrawal).toBe('withdrawn');
  });

  it('takes main, done and successor as written', () => {
    const { config, problems } = parseConfig(PEP);
    expect(problems).toEqual([]);
    const lifecycle = config!.lifecycle;
    expect(lifecycle.main).toEqual(['draft', 'accepted', 'final']);
    expect(isDone(lifecycle, 'final')).toBe(true);
    expect(isDone(lifecycle, 'superseded')).toBe(false);
    expect(carriesSuccessor(lifecycle, 'superseded')).toBe(true);
    expect(carriesSuccessor(lifecycle, 'duplicate')).toBe(false);
    expect(lifecycle.withdrawal).toBe('withdrawn');
  });

  it('without main, infers it from first transitions and done is its end; defaults keep known statuses only', () => {
    const text = PEP.replace(/ {2}main:.*\n/, '')
      .replace(/ {2}done:.*\n/, '')
      .replace(/ {2}successor:.*\n/, '')
      .replace(/ {2}rationale_required:.*\n/, '');
    const { config, problems } = parseConfig(text);
    expect(problems).toEqual([]);
    expect(config!.lifecycle.main).toEqual(['draft', 'accepted', 'final', 'superseded']);
    expect(config!.lifecycle.done).toEqual(['superseded']);
    // "duplicate" and "deferred" are not statuses here: their defaults drop out, no error.
    expect(config!.lifecycle.successor).toEqual([]);
    expect(config!.lifecycle.rationale_required).toEqual(['rejected']);
  });

  it('refuses main, done and successor statuses that are not statuses, with line and column', () => {
    const text = PEP.replace('done: [final]', 'done: [final, shipped]')
      .replace('main: [draft, accepted, final]', 'main: [draft, final, accepted]')
      .replace('successor: [superseded]', 'successor: [replaced]');
    expect(problemsOf(text)).toEqual([
      '5:17 error lifecycle.done names "shipped", which is not a status: list it under lifecycle.transitions',
      '7:15 error lifecycle.successor names "replaced", which is not a status: list it under lifecycle.transitions',
      '4:17 error the main line goes from "draft" to "final", which lifecycle.transitions does not allow: add "final" under "draft"',
      '4:24 error the main line goes from "final" to "accepted", which lifecycle.transitions does not allow: add "accepted" under "final"',
    ]);
    expect(parseConfig(text).config).toBeUndefined();
  });

  it('a main line must start at the initial status', () => {
    const text = PEP.replace('main: [draft, accepted, final]', 'main: [accepted, final]');
    expect(problemsOf(text)).toEqual([
      '4:9 error lifecycle.main starts at "accepted": it must start with the initial status "draft"',
    ]);
  });

  it('orders statuses main line first, side statuses next, unknown ones last', () => {
    const lifecycle = parseConfig(PEP).config!.lifecycle;
    expect(statusOrder(lifecycle, ['final', 'zombie', 'draft'])).toEqual([
      'draft',
      'accepted',
      'final',
      'superseded',
      'rejected',
      'withdrawn',
      'zombie',
    ]);
  });

  it('author withdrawal: the withdrawal status signed by the idea’s authors only', () => {
    const lifecycle = DEFAULT_LIFECYCLE;
    const idea = { authors: ['quinn'] };
    expect(isAuthorWithdrawal(lifecycle, { status: 'withdrawn', reviewers: ['quinn'] }, idea)).toBe(
      true,
    );
    expect(
      isAuthorWithdrawal(lifecycle, { status: 'withdrawn', reviewers: ['quinn', 'carol'] }, idea),
    ).toBe(false);
    expect(isAuthorWithdrawal(lifecycle, { status: 'rejected', reviewers: ['quinn'] }, idea)).toBe(
      false,
    );
    expect(isAuthorWithdrawal(lifecycle, { status: 'withdrawn', reviewers: [] }, idea)).toBe(false);
    // Handles compare without case, as forge logins do.
    expect(isAuthorWithdrawal(lifecycle, { status: 'withdrawn', reviewers: ['Quinn'] }, idea)).toBe(
      true,
    );
    expect(
      isAuthorWithdrawal(
        { ...lifecycle, withdrawal: null },
        { status: 'withdrawn', reviewers: ['quinn'] },
        idea,
      ),
    ).toBe(false);
  });
});
