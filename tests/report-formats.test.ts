/**
 * Idea files come from anyone's pull request: every format must print their text as text.
 * HTML: `<script>` and `" onload=` stay inert; Markdown: pipes and newlines cannot break a
 * table; terminal: ANSI escapes and control characters never reach it. Plus the shape of each
 * format: 80 columns, one self-contained page, every section present.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';
import { buildHistoryRepo, commitOn, decision, idea, vote } from './helpers/report-fixture.js';

const SCRIPT_TITLE = '<script>alert(1)</script> & co';
const ATTR_TITLE = '" onload="alert(2)';
const PIPE_TITLE = 'Pipes | and\nnewlines | here';
const ANSI_TITLE = '\u001b[31mRed alert\u001b[0m\u0007 bell';
const HOSTILE_CUSTOMER = '<img src=x onerror=alert(3)>';

function hostileRepo(): string {
  const root = buildHistoryRepo();
  commitOn(root, '2026-11-02', {
    ...idea('hhh1', { title: SCRIPT_TITLE, authors: ['ann'], team: 'web' }),
    ...idea('hhh2', { title: ATTR_TITLE, authors: ['ben'], team: 'web' }),
    ...idea('hhh3', { title: PIPE_TITLE, authors: ['cat'], team: 'sales' }),
    ...idea('hhh4', { title: ANSI_TITLE, authors: ['dan'], team: 'eng' }),
    ...vote('hhh1', 'cat', `customers: [${JSON.stringify(HOSTILE_CUSTOMER)}]\n`),
    ...vote('hhh2', 'cat'),
    ...vote('hhh3', 'ann'),
    ...vote('hhh4', 'ann'),
  });
  return root;
}

async function report(root: string, format: string, env: Record<string, string> = {}) {
  const result = await runCli(['report', '--format', format], { cwd: root, env });
  expect(result.code).toBe(0);
  return result.stdout;
}

describe('report formats escape what files say', () => {
  it('html: titles and customers render as text, no script can run', async () => {
    const root = hostileRepo();
    // A shipped idea credits its customers: put the hostile customer on a shipped idea too.
    commitOn(root, '2026-11-03', {
      ...vote('aaa1', 'dan', `customers: [${JSON.stringify(HOSTILE_CUSTOMER)}]\n`),
    });
    const html = await report(root, 'html');
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).not.toMatch(/[^;]\s+onload=/); // only as &quot; onload=, which is text
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; co');
    expect(html).toContain('&quot; onload=&quot;alert(2)');
    expect(html).toContain('&lt;img src=x onerror=alert(3)&gt;');
    // Nothing from the network: no URL (the repository has no forge remote), no external resource.
    expect(html).not.toMatch(/https?:\/\//);
    expect(html).not.toMatch(/<[a-z][^>]*\ssrc=/i);
    expect(html).toContain('Red alert');
    expect(html).not.toContain('\u001b');
    // The CSP allows no script at all and only the page's own stylesheet, by its hash.
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1];
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toContain('unsafe-inline');
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)?.[1] ?? '';
    const hash = createHash('sha256').update(style, 'utf8').digest('base64');
    expect(csp).toContain(`style-src 'sha256-${hash}'`);
    expect(html.match(/<style>/g)).toHaveLength(1);
    expect(html).not.toMatch(/\sstyle="/);
  });

  it('md: pipes, newlines and markup in titles cannot break a table', async () => {
    const md = await report(hostileRepo(), 'md');
    const rows = md.split('\n').filter((line) => line.includes('hhh'));
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      // Columns are split by unescaped pipes only.
      const cells = row.split(/(?<!\\)\|/).length;
      const header = md
        .split('\n')
        .slice(0, md.split('\n').indexOf(row))
        .reverse()
        .find((line) => /^\| --/.test(line));
      expect(cells).toBe(header?.split('|').length);
    }
    expect(md).toContain('Pipes \\| and newlines \\| here');
    expect(md).toContain('\\<script\\>alert\\(1\\)\\</script\\>');
    expect(md).not.toContain('<script>');
    expect(md).toContain('## Funnel');
    expect(md).toContain('```mermaid');
  });

  it('text: no escape sequence or control character from a file reaches the terminal', async () => {
    const root = hostileRepo();
    const plain = await report(root, 'text');
    expect(plain).not.toContain('\u001b');
    expect(plain).not.toContain('\u0007');
    expect(plain).toContain('Red alert');
    // With colour forced on, the only escapes are the report's own colours, never the title's.
    const colored = await report(root, 'text', { FORCE_COLOR: '1' });
    expect(colored).toContain('\u001b[');
    expect(colored).not.toContain('\u001b[31mRed');
    expect(colored).not.toContain('\u0007');
  });

  it('text: every line fits 80 columns and every section is there', async () => {
    const text = await report(hostileRepo(), 'text');
    for (const line of text.split('\n'))
      expect(line, line).toSatisfy((l: string) => [...l].length <= 80);
    for (const heading of [
      'FUNNEL',
      'DECISION LATENCY',
      'PARTICIPATION',
      'TRENDS',
      'TOP IDEAS',
      'CAMPAIGNS',
      'WAITING FOR A DECISION',
      'DELIVERED AND THANKED',
    ])
      expect(text).toContain(heading);
    expect(text).toMatch(/[▁▂▃▄▅▆▇█]/);
  });

  it('html: every chart has a title and a description, and a table beside it', async () => {
    const html = await report(buildHistoryRepo(), 'html');
    const charts = html.match(/<svg[\s\S]*?<\/svg>/g) ?? [];
    expect(charts).toHaveLength(5);
    for (const svg of charts) {
      expect(svg).toMatch(/role="img"/);
      expect(svg).toMatch(/aria-labelledby="[^"]+-t [^"]+-d"/);
      expect(svg).toMatch(/<title id="[^"]+">[^<]+<\/title>/);
      expect(svg).toMatch(/<desc id="[^"]+">[^<]+<\/desc>/);
    }
    for (const id of ['funnel', 'latency', 'participation', 'trends'])
      expect(html).toMatch(new RegExp(`<section id="${id}"[\\s\\S]*?<table>[\\s\\S]*?</section>`));
    expect(html).toContain('prefers-color-scheme:dark');
    expect(html).toContain('@media print');
    expect(html).toContain('name="viewport"');
  });

  it('json is the documented shape, with nothing else on stdout', async () => {
    const json = JSON.parse(await report(buildHistoryRepo(), 'json')) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual([
      'schema',
      'today',
      'ref',
      'filters',
      'dates',
      'lifecycle',
      'totals',
      'funnel',
      'latency',
      'participation',
      'trendWindow',
      'trends',
      'top',
      'themes',
      'campaigns',
      'review',
      'delivered',
      'roadmap',
      'people',
      'customers',
      'period',
      'rising',
    ]);
  });

  it('--out writes the file atomically and picks the format from its extension', async () => {
    const root = buildHistoryRepo();
    const result = await runCli(['report', '--out', 'out/report.html'], { cwd: root });
    expect(result.code).toBe(0);
    expect(result.stdout.trim()).toBe(join(root, 'out', 'report.html'));
    expect(readFileSync(join(root, 'out', 'report.html'), 'utf8')).toMatch(/^<!doctype html>/);
    const md = await runCli(['report', '--out', 'r.md'], { cwd: root });
    expect(md.code).toBe(0);
    expect(readFileSync(join(root, 'r.md'), 'utf8')).toMatch(/^# Ideas report/);
  });

  it('an idea with a decision and no votes still reports cleanly in every format', async () => {
    const root = buildHistoryRepo();
    commitOn(root, '2026-11-05', {
      ...idea('lll1', { title: 'Lonely', authors: ['ann'] }),
      ...decision('lll1', '2026-11-05', 'withdrawn'),
    });
    for (const format of ['text', 'md', 'json', 'html']) await report(root, format);
  });
});

describe('report --since', () => {
  it('refuses a day that does not exist (exit 2)', async () => {
    const { runCli } = await import('./helpers/cli.js');
    const { buildHistoryRepo } = await import('./helpers/report-fixture.js');
    const result = await runCli(['report', '--since', '2026-13-45'], { cwd: buildHistoryRepo() });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--since 2026-13-45 is not a date');
  });
});
