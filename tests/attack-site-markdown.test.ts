/**
 * Attacks on the site's Markdown (site/markdown.ts) through an idea's body, which anyone's pull
 * request writes and the site build on the main branch renders.
 */
import { describe, expect, it } from 'vitest';
import { renderInline } from '../src/site/markdown.js';

describe('hostile bodies render in linear time', () => {
  // Found by this attack: the inline pattern backtracked. Inside a run of 2,000 backticks it
  // took 9 s (a 1 MiB body: days); "[a[a[a…" and "[a](bbb…" were quadratic (8,000 of them:
  // 0.6 s). No clock here: before the fix these ran far past the test timeout.
  it.each([
    ['a run of backticks', `${'`'.repeat(200_000)}a`],
    ['brackets that never close', '[a'.repeat(100_000)],
    ['a link target that never closes', `[a](${'b'.repeat(200_000)}`],
  ])('%s', (_what, body) => {
    const html = renderInline(body);
    // Nothing is lost or made into markup: the text comes back, escaped.
    expect(html.replace(/&#96;|&#x60;/g, '`')).toBe(body);
  });
});

describe('what the patterns read', () => {
  // All as before the fix but one: an unclosed "[" before a link is text now, where the link
  // took it into its label ("a [b"); CommonMark reads it as this does.
  it.each([
    ['`x`', '<code>x</code>'],
    ['``a ` b``', '<code>a ` b</code>'],
    ['```x```', '<code>x</code>'],
    [
      '[docs](https://x.test/a_(b))',
      '<a href="https://x.test/a_(b)" rel="nofollow noopener noreferrer">docs</a>',
    ],
    [
      '[a [b](https://x.test)',
      '[a <a href="https://x.test" rel="nofollow noopener noreferrer">b</a>',
    ],
    ['![logo](https://x.test/l.png)', 'logo'],
    ['**bold** and *it*', '<strong>bold</strong> and <em>it</em>'],
  ])('%s', (markdown, html) => {
    expect(renderInline(markdown)).toBe(html);
  });
});
