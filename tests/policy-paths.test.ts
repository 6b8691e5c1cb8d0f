/** The pure pieces of the policy: path kinds, unsafe paths, case twins, git's raw diff. */
import { describe, expect, it } from 'vitest';
import { caseCollisions, classifyPath, unsafePathReason } from '../src/policy/paths.js';
import { parseRawDiff } from '../src/git/diff.js';

describe('classifyPath', () => {
  it.each([
    ['ideas/abc123-a-b.md', 'idea'],
    ['votes/abc123/bob.md', 'vote'],
    ['decisions/abc123/2026-11-20-accepted.md', 'decision'],
    ['ideas.config.yaml', 'config'],
    ['.github/workflows/ideas.yml', 'config'],
    ['.github/CODEOWNERS', 'config'],
    ['CODEOWNERS', 'config'],
    ['.gitlab-ci.yml', 'config'],
    ['templates/idea.md', 'template'],
    ['IDEAS.md', 'index'],
    ['README.md', 'other'],
    ['votes/abc123/extra/bob.md', 'other'],
    ['votes/.gitkeep', 'other'],
  ])('%s is %s', (path, kind) => expect(classifyPath(path)).toBe(kind));
});

describe('unsafePathReason', () => {
  it.each([
    ['votes/abc/../x.md', /"\.\."/],
    ['/etc/passwd', /absolute/],
    ['C:/x.md', /absolute/],
    ['votes\\abc\\bob.md', /backslash/],
    ['Votes/abc/bob.md', /only in case/],
    ['IDEAS/abc-x.md', /only in case/],
    ['Ideas.Config.yaml', /only in case/],
    ['votes/abc/b\u001bob.md', /control characters/],
    ['votes/abc/jose\u0301.md', /NFC/],
  ])('%s is refused', (path, reason) => expect(unsafePathReason(path)).toMatch(reason));

  it('accepts ordinary paths', () => {
    for (const path of ['votes/abc/bob.md', 'ideas/abc-x.md', 'IDEAS.md', 'docs/notes.md'])
      expect(unsafePathReason(path)).toBeUndefined();
  });
});

describe('caseCollisions', () => {
  it('finds twins of files', () => {
    const tree = ['votes/abc/bob.md', 'votes/abc/Bob.md', 'ideas/abc-x.md'];
    const found = caseCollisions(['votes/abc/Bob.md', 'ideas/abc-x.md'], tree);
    expect([...found]).toEqual([['votes/abc/Bob.md', 'votes/abc/bob.md']]);
  });

  it('finds twins of folders', () => {
    const tree = ['votes/abc/bob.md', 'votes/ABC/carol.md'];
    expect([...caseCollisions(['votes/ABC/carol.md'], tree)]).toEqual([
      ['votes/ABC/carol.md', 'votes/abc'],
    ]);
  });
});

describe('parseRawDiff', () => {
  it('reads additions, renames with both paths, and modes', () => {
    const zero = '0'.repeat(40);
    const a = 'a'.repeat(40);
    const b = 'b'.repeat(40);
    const out = [
      `:000000 120000 ${zero} ${a} A`,
      'votes/x/erin.md',
      `:100644 100644 ${a} ${b} R100`,
      'votes/x/bob.md',
      'votes/x/carol.md',
      `:100644 000000 ${a} ${zero} D`,
      'ideas/x-y.md',
      '',
    ].join('\0');
    expect(parseRawDiff(out)).toEqual([
      {
        status: 'added',
        path: 'votes/x/erin.md',
        oldMode: '000000',
        newMode: '120000',
        oldId: zero,
        newId: a,
      },
      {
        status: 'renamed',
        path: 'votes/x/carol.md',
        from: 'votes/x/bob.md',
        oldMode: '100644',
        newMode: '100644',
        oldId: a,
        newId: b,
      },
      {
        status: 'deleted',
        path: 'ideas/x-y.md',
        oldMode: '100644',
        newMode: '000000',
        oldId: a,
        newId: zero,
      },
    ]);
  });
});
