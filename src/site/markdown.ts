/**
 * Markdown from idea, vote and decision files as HTML, for the site. Idea files come from
 * anyone's pull request, so this renders a small subset and escapes everything else: raw HTML
 * shows as text, and a link or image keeps its target only when it is http(s) or relative (a
 * `javascript:` or `data:` URL becomes plain text). No dependency: the subset below is what
 * idea templates use, and a full CommonMark engine would bring raw HTML we would have to strip.
 *
 * Blocks: `#` headings (shifted down so the page keeps one h1), paragraphs, `-`/`*`/`+` and
 * `1.` lists, `>` quotes, fenced code, `---` rules. Inline: `code`, **strong**, *em*, _em_,
 * [text](url), <https://autolinks>, and bare https:// URLs.
 */
import { escapeHtml as h } from '../format/html-escape.js';

export interface MarkdownOptions {
  /** The level an `#` heading becomes: 2 below a page title. */
  headingBase?: number;
}

export function renderMarkdown(text: string, options: MarkdownOptions = {}): string {
  const base = options.headingBase ?? 2;
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const out: string[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] ?? '';
    if (line.trim() === '') {
      i++;
      continue;
    }
    const fence = /^\s{0,3}(`{3,}|~{3,})/.exec(line);
    if (fence) {
      const marker = fence[1] ?? '```';
      const code: string[] = [];
      i++;
      while (i < lines.length && !(lines[i] ?? '').trimStart().startsWith(marker)) {
        code.push(lines[i] ?? '');
        i++;
      }
      i++;
      out.push(`<pre><code>${h(code.join('\n'))}</code></pre>`);
      continue;
    }
    const heading = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
    if (heading) {
      const level = Math.min(6, (heading[1] ?? '#').length + base - 1);
      out.push(`<h${level}>${renderInline(heading[2] ?? '')}</h${level}>`);
      i++;
      continue;
    }
    if (/^\s{0,3}([-*_])(\s*\1){2,}\s*$/.test(line)) {
      out.push('<hr>');
      i++;
      continue;
    }
    if (/^\s{0,3}>/.test(line)) {
      const quoted: string[] = [];
      while (i < lines.length && /^\s{0,3}>/.test(lines[i] ?? '')) {
        quoted.push((lines[i] ?? '').replace(/^\s{0,3}>\s?/, ''));
        i++;
      }
      // One level deep is enough for evidence quotes; nesting renders as text.
      out.push(`<blockquote>${paragraphs(quoted)}</blockquote>`);
      continue;
    }
    const item = listItem(line);
    if (item) {
      const items: string[] = [];
      let current: string[] = [item.text];
      i++;
      while (i < lines.length) {
        const next = lines[i] ?? '';
        const nextItem = listItem(next);
        if (nextItem && nextItem.ordered === item.ordered) {
          items.push(current.join(' '));
          current = [nextItem.text];
        } else if (next.trim() !== '' && /^\s+/.test(next) && !listItem(next.trim())) {
          current.push(next.trim());
        } else break;
        i++;
      }
      items.push(current.join(' '));
      const tag = item.ordered ? 'ol' : 'ul';
      out.push(
        `<${tag}>${items.map((text) => `<li>${renderInline(text)}</li>`).join('')}</${tag}>`,
      );
      continue;
    }
    const para: string[] = [];
    while (i < lines.length) {
      const next = lines[i] ?? '';
      if (
        next.trim() === '' ||
        /^\s{0,3}(#{1,6}\s|>|`{3,}|~{3,})/.test(next) ||
        (para.length > 0 && listItem(next))
      )
        break;
      para.push(next.trim());
      i++;
    }
    out.push(`<p>${renderInline(para.join('\n')).replace(/\n/g, '<br>')}</p>`);
  }
  return out.join('\n');
}

function paragraphs(lines: string[]): string {
  return lines
    .join('\n')
    .split(/\n\s*\n/)
    .filter((block) => block.trim() !== '')
    .map((block) => `<p>${renderInline(block.trim()).replace(/\n/g, '<br>')}</p>`)
    .join('');
}

function listItem(line: string): { ordered: boolean; text: string } | undefined {
  const bullet = /^\s{0,3}[-*+]\s+(.*)$/.exec(line);
  if (bullet) return { ordered: false, text: bullet[1] ?? '' };
  const numbered = /^\s{0,3}\d{1,9}[.)]\s+(.*)$/.exec(line);
  if (numbered) return { ordered: true, text: numbered[1] ?? '' };
  return undefined;
}

/** A link target we will put in an href, or undefined: http(s), or relative without a scheme. */
export function safeHref(url: string): string | undefined {
  // Browsers drop tabs and newlines inside URLs: `java\tscript:` must not slip through.
  // eslint-disable-next-line no-control-regex
  const target = url.trim().replace(/[\u0000-\u0020\u007f]/g, '');
  if (target === '') return undefined;
  if (/^https?:\/\//i.test(target)) return target;
  // A scheme is letters then a colon before any / ? #: anything of that shape that is not
  // http(s) (javascript:, data:, vbscript:, file:) is refused, as is a protocol-relative `//host`.
  if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('//') || target.startsWith('\\'))
    return undefined;
  return target;
}

// Every part matches one way only, so a hostile body reads in linear time: link text stops at
// a "[", and the target's two runs are one optional group ("[a[a[a…" and "[a](bbb…" were
// quadratic). A code span is not in the pattern: a run of backticks is matched whole and its
// closer (the next run of the same length) looked up in the runs of the text, found in one
// pass. A pattern searching for the closer rescanned the rest of the text from every run that
// had none: runs of decreasing length cost O(n^1.5), 3.5 s for a 1 MiB body.
const INLINE =
  /(?<!`)(`+)|\*\*([^*]+)\*\*|__([^_]+)__|\*([^*\s][^*]*)\*|\b_([^_\s][^_]*)_\b|!?\[([^[\]]*)\]\(([^()\s]*(?:\([^()\s]*\)[^()\s]*)?)(?:\s+"[^"]*")?\)|<(https?:\/\/[^\s<>]+)>|(https?:\/\/[^\s<>()"']+[^\s<>()"'.,;:!?])/g;

/**
 * Where each run of backticks in a text starts, by length, for finding a code span's closer:
 * the first run after it of exactly its length. Spans are looked up left to right, so each
 * length's cursor only moves forward and all lookups together read each run once.
 */
class BacktickRuns {
  private readonly starts = new Map<number, number[]>();
  private readonly cursors = new Map<number, number>();

  constructor(text: string) {
    for (let at = text.indexOf('`'); at !== -1;) {
      let end = at + 1;
      while (text.charCodeAt(end) === 96) end++;
      const list = this.starts.get(end - at);
      if (list) list.push(at);
      else this.starts.set(end - at, [at]);
      at = text.indexOf('`', end);
    }
  }

  /** The start of the first run of `length` backticks at or after `from`, or -1. */
  next(length: number, from: number): number {
    const list = this.starts.get(length);
    if (!list) return -1;
    let k = this.cursors.get(length) ?? 0;
    while (k < list.length && (list[k] as number) < from) k++;
    this.cursors.set(length, k);
    return k < list.length ? (list[k] as number) : -1;
  }
}

export function renderInline(text: string): string {
  const runs = text.includes('`') ? new BacktickRuns(text) : undefined;
  let out = '';
  // Text from `last` on is not written yet; the search resumes at `from` (past a run of
  // backticks with no closer, which stays in the text around it and is escaped with it).
  let last = 0;
  let from = 0;
  for (;;) {
    // One pattern serves every (nested) call: each call sets where its own search resumes.
    INLINE.lastIndex = from;
    const match = INLINE.exec(text);
    if (!match) break;
    const at = match.index;
    const end = at + match[0].length;
    const [whole, ticks, strong, strong2, em, em2, label, url, auto, bare] = match;
    if (ticks !== undefined) {
      // A span ends at the next run of as many backticks; a run with none is text.
      const close = runs?.next(ticks.length, end) ?? -1;
      if (close === -1) {
        from = end;
        continue;
      }
      out += `${h(text.slice(last, at))}<code>${h(text.slice(end, close).trim())}</code>`;
      last = from = close + ticks.length;
      continue;
    }
    out += h(text.slice(last, at));
    last = from = end;
    if (strong !== undefined || strong2 !== undefined)
      out += `<strong>${renderInline(strong ?? strong2 ?? '')}</strong>`;
    else if (em !== undefined || em2 !== undefined)
      out += `<em>${renderInline(em ?? em2 ?? '')}</em>`;
    else if (label !== undefined) {
      // Images are shown as their text: no request to any host the page did not choose.
      const href = whole.startsWith('!') ? undefined : safeHref(url ?? '');
      out +=
        href === undefined
          ? h(label || url || '')
          : `<a href="${h(href)}" rel="nofollow noopener noreferrer">${renderInline(label || href)}</a>`;
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
