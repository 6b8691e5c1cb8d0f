/**
 * Round 6 attacks on broken records met by the commands that take an id. An idea file left
 * empty (a checkout on a full disk truncates it) or with broken YAML used to answer "there is
 * no idea ship01 / did you mean ship01?": the message must say the file does not read, and where.
 */
import { describe, expect, it } from 'vitest';
import { runBinary } from './helpers/cli.js';
import { makeRepo } from './helpers/repo.js';
import { ONE_REVIEWER_CONFIG } from './helpers/one-reviewer.js';

const CONFIG = `${ONE_REVIEWER_CONFIG}review:\n  quorum: 1\n`;
const FILE = 'ideas/ship01-overnight-shipping.md';

describe('an id whose file does not read as an idea names the file and what is wrong', () => {
  it.each([
    ['show', ['show', 'ship01'], ''],
    ['vote', ['vote', 'ship01'], ''],
    ['review', ['review', 'ship01', '--status', 'reviewing', '--rationale', 'Taking it now.'], ''],
    ['show, broken YAML', ['show', 'ship01'], '---\nid: ship01\ntitle: [broken\n---\n'],
  ])('%s', (_name, argv, text) => {
    const root = makeRepo({ 'ideas.config.yaml': CONFIG, [FILE]: text });
    const result = runBinary(argv, { cwd: root });
    expect(result.stderr).toMatch(
      new RegExp(`^ideas: idea "ship01" does not read: ${FILE}:\\d+:1  \\S`),
    );
    expect(result.stderr).toContain(`ideas validate ${FILE} shows every problem in it`);
    expect(result.stderr).not.toContain('did you mean');
    expect(result.code).toBe(2);
  });

  it('an id no file has still offers the near ones', () => {
    const root = makeRepo({ 'ideas.config.yaml': CONFIG, [FILE]: '' });
    const result = runBinary(['show', 'ship02'], { cwd: root });
    expect(result.stderr).toContain('there is no idea "ship02"');
    expect(result.stderr).toContain('did you mean ship01?');
    expect(result.code).toBe(2);
  });
});
