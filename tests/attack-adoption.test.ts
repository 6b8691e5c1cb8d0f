/**
 * The pull request that adopts ideas names its setup files in check's notice on stderr, which a
 * CI log and a terminal show. Their names are the pull request's: a name with an escape sequence
 * or a newline must not colour, move or forge lines of that log.
 */
import { describe, expect, it } from 'vitest';
import { checkAs } from './helpers/check-flow.js';
import { commitAs } from './helpers/forge.js';
import { git, makeRepo } from './helpers/repo.js';

describe('check on an adopting pull request, with hostile setup file names', () => {
  it('names each setup file on one line, without its control characters', async () => {
    const root = makeRepo({ 'README.md': '# shop\n' });
    git(root, 'checkout', '-q', '-b', 'adopt');
    const hostile = 'templates/a\u001b[31mred\n::error file=x::forged.md';
    commitAs(root, 'alice', { 'ideas.config.yaml': 'version: 1\n', [hostile]: 'x\n' }, 'Adopt');
    const result = await checkAs(root, 'alice');
    const notice = result.stderr.split('\n').find((line) => line.includes('adopts ideas')) ?? '';
    expect(notice).toContain('ideas.config.yaml');
    // The hostile name sits in the notice's own line, made harmless; no line starts with it.
    expect(notice).toMatch(/templates\/a\S*red ::error file=x::forged\.md/);
    expect(result.stderr).not.toContain('\u001b');
    expect(result.stderr.split('\n').some((line) => line.startsWith('::error'))).toBe(false);
  });

  it('names at most a few setup files, and counts the rest', async () => {
    const root = makeRepo({ 'README.md': '# shop\n' });
    git(root, 'checkout', '-q', '-b', 'adopt');
    const files: Record<string, string> = { 'ideas.config.yaml': 'version: 1\n' };
    for (let i = 0; i < 40; i++) files[`templates/t${String(i).padStart(2, '0')}.md`] = 'x\n';
    commitAs(root, 'alice', files, 'Adopt');
    const result = await checkAs(root, 'alice');
    const notice = result.stderr.split('\n').find((line) => line.includes('adopts ideas')) ?? '';
    expect(notice).toContain('templates/t00.md');
    expect(notice).not.toContain('templates/t39.md');
    expect(notice).toMatch(/and 2\d more\)/);
  });
});
