/**
 * Attacks on the site's Markdown (site/markdown.ts) through an idea's body, which anyone's pull
 * request writes and the site build on the main branch renders.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeHtml as h } from '../src/format/html-escape.js';
import { renderInline, safeHref } from '../src/site/markdown.js';

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

describe('runs of backticks of decreasing length', () => {
  // Found by this attack: a run with no closer of its length sent the pattern searching the
  // rest of the text, from every such run: runs of 3,000 backticks down to 1 (4.5 MB) took
  // about 30 s; a 1 MiB body 3.5 s. The closers are looked up in one pass now. No clock here:
  // the quadratic code ran far past this test's timeout (vitest fails a test that overran).
  it('read in one pass', { timeout: 15_000 }, () => {
    const runs: string[] = [];
    for (let k = 3000; k >= 1; k--) runs.push('`'.repeat(k));
    const body = runs.join(' ');
    expect(body.length).toBeGreaterThan(4_500_000);
    // No run has a closer: the text comes back as it was (a backtick needs no escaping).
    expect(renderInline(body)).toBe(body);
    // The same with a closer at the very end for the shortest run: one span, the rest text.
    expect(renderInline(`${body} \``)).toBe(`${runs.slice(0, -1).join(' ')} <code></code>`);
  });
});

/**
 * The inline renderer as it was, its code span found by the pattern (quadratic on hostile text):
 * the oracle the one-pass renderer must read exactly as, on short texts.
 */
const QUADRATIC =
  /(?<!`)(`+)(?!`)([\s\S]*?[^`])\1(?!`)|\*\*([^*]+)\*\*|__([^_]+)__|\*([^*\s][^*]*)\*|\b_([^_\s][^_]*)_\b|!?\[([^[\]]*)\]\(([^()\s]*(?:\([^()\s]*\)[^()\s]*)?)(?:\s+"[^"]*")?\)|<(https?:\/\/[^\s<>]+)>|(https?:\/\/[^\s<>()"']+[^\s<>()"'.,;:!?])/g;

function quadraticInline(text: string): string {
  let out = '';
  let last = 0;
  for (const match of text.matchAll(QUADRATIC)) {
    const at = match.index;
    out += h(text.slice(last, at));
    last = at + match[0].length;
    const [whole, , code, strong, strong2, em, em2, label, url, auto, bare] = match;
    if (code !== undefined) out += `<code>${h(code.trim())}</code>`;
    else if (strong !== undefined || strong2 !== undefined)
      out += `<strong>${quadraticInline(strong ?? strong2 ?? '')}</strong>`;
    else if (em !== undefined || em2 !== undefined)
      out += `<em>${quadraticInline(em ?? em2 ?? '')}</em>`;
    else if (label !== undefined) {
      const href = whole.startsWith('!') ? undefined : safeHref(url ?? '');
      out +=
        href === undefined
          ? h(label || url || '')
          : `<a href="${h(href)}" rel="nofollow noopener noreferrer">${quadraticInline(label || href)}</a>`;
    } else {
      const href = safeHref(auto ?? bare ?? '');
      out +=
        href === undefined
          ? h(whole)
          : `<a href="${h(href)}" rel="nofollow noopener noreferrer">${h(href)}</a>`;
    }
  }
  return out + h(text.slice(last));
}

describe('the one-pass code spans read as the pattern did', () => {
  // Backticks, the other markers, and an escape sequence that must be escaped whole.
  const piece = fc.constantFrom(
    '`',
    '``',
    '```',
    'a',
    ' ',
    '\n',
    '*',
    '**',
    '_',
    '[',
    '](',
    ')',
    '<',
    '>',
    'https://x.test/',
    '\u001b[31m',
    '&',
  );
  it('on random texts', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const text = pieces.join('');
        expect(renderInline(text)).toBe(quadraticInline(text));
      }),
      { numRuns: 3000 },
    );
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
    // A run with no closer of its length is text; a later, shorter one still opens a span.
    ['`` a `b` c', '`` a <code>b</code> c'],
    ['**`x`** `y', '<strong><code>x</code></strong> `y'],
  ])('%s', (markdown, html) => {
    expect(renderInline(markdown)).toBe(html);
  });
});
