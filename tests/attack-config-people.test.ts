/**
 * People in the config, spelt twice. Handles are compared without case everywhere (bob and Bob
 * are one voter, one budget, one name in the report: model/people.ts handleKey), and an email
 * names one person (handleOfEmail takes the first it finds). A config that lists one person
 * twice makes their team, and who an email is, depend on which spelling or order a record
 * meets: it must be refused with the line of the second entry, as a duplicate key is.
 */
import { describe, expect, it } from 'vitest';
import { personTeam } from '../src/model/teams.js';
import { parseConfig } from '../src/parse/config.js';
import { runCli } from './helpers/cli.js';
import { BASE_TREE } from './helpers/forge.js';
import { makeRepo } from './helpers/repo.js';

const TEAMS = 'teams:\n  sales: {}\n  eng: {}\n';

async function validateWith(people: string): Promise<{ code: number; stderr: string }> {
  const config = `version: 1\npeople:\n${people}reviewers: [carol]\n${TEAMS}`;
  const root = makeRepo({ ...BASE_TREE, 'ideas.config.yaml': config });
  return runCli(['validate'], { cwd: root });
}

describe('the config lists one person twice', () => {
  // Before, parse/config.ts crossCheck took `bob` and `Bob` as two people: the vote of "Bob"
  // counted for eng and that of "bob" for sales.
  it('as two spellings of one handle: exit 2 at the second', async () => {
    const result = await validateWith(
      '  bob: {emails: [bob@example.com], team: sales}\n  Bob: {emails: [b@example.com], team: eng}\n',
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/ideas\.config\.yaml:4:\d+ .*"Bob"/);
  });

  // Before, the same email under two handles passed: `vote` and `new` took whoever came first
  // in the file (model/people.ts handleOfEmail).
  it('as one email under two handles: exit 2 at the second', async () => {
    const result = await validateWith(
      '  bob: {emails: [bob@example.com]}\n  robert: {emails: [Bob@Example.com]}\n',
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/ideas\.config\.yaml:4:\d+ .*bob@example\.com/i);
  });
});

describe('one person under two spellings, as the model reads them', () => {
  it('is the first spelling under people, whichever spelling a record uses', () => {
    // Built past parseConfig, which is to refuse such a config: the model alone must not make
    // one person two (report/person-names.ts names them by the first spelling too).
    const parsed = parseConfig(`version: 1\n${TEAMS}`).config;
    if (!parsed) throw new Error('the base config does not parse');
    const people = {
      bob: { emails: ['bob@example.com'], team: 'sales' },
      Bob: { emails: ['b@example.com'], team: 'eng' },
    };
    const config = { ...parsed, people };
    expect(['bob', 'Bob', 'BOB'].map((handle) => personTeam(config, handle))).toEqual([
      'sales',
      'sales',
      'sales',
    ]);
    expect(personTeam(config, 'robert')).toBeUndefined();
  });
});
