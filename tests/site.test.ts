/**
 * The site generator without a browser: hostile text stays text, links from content are
 * http(s) or relative only, the batch idea details equal `describeIdea`, the forge links, the
 * search query, and `ideas site` refusing folders that are not its own.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeIdea } from '../src/model/idea-detail.js';
import { countSupport } from '../src/model/support.js';
import { buildSite } from '../src/site/build-site.js';
import { describeIdeas } from '../src/site/idea-details.js';
import { renderMarkdown, safeHref } from '../src/site/markdown.js';
import { newFileLink, MAX_EDITOR_URL } from '../src/site/new-file.js';
import { randomIntFrom, voteDraft } from '../src/site/drafts.js';
import { encodeVoted, readVoted } from '../src/site/voted.js';
import { buildSearchIndex } from '../src/site/search-index.js';
import { prepareIndex, runSearch } from '../src/site/search-query.js';
import { buildReport } from '../src/report/report.js';
import { readRepository } from '../src/read/repository.js';
import { runCli } from './helpers/cli.js';
import { makeRepo, tempDir } from './helpers/repo.js';
import { BASE_TREE, ideaText } from './helpers/forge.js';
import { BIG_TEAM, BIG_THEME, bigTeamTree } from './helpers/site-tree.js';
import { PER_PAGE } from '../src/site/paging.js';
import { VOTES_PER_PAGE } from '../src/site/idea-page.js';
import { HOSTILE_VOTER, MANY_VOTES_IDEA, manyVotesTree } from './helpers/site-votes.js';

const HOSTILE = 'Ship <script>alert(1)</script> "now" \u202Egnp.exe & more';

async function siteOf(tree: Record<string, string>) {
  const root = makeRepo(tree);
  const { repo } = await readRepository({ root, env: process.env });
  const support = countSupport(repo);
  const report = buildReport(repo, {
    today: '2026-11-24',
    history: { added: new Map(), shallow: false, available: false },
    support,
  });
  const files = buildSite({
    repo,
    report,
    support,
    today: '2026-11-24',
    forge: { forge: 'github', host: 'github.com', path: 'acme/ideas', branch: 'main', prefix: '' },
    clientScript: '/* client */',
    source: 'the working tree',
  });
  return new Map(files);
}

describe('site generator', () => {
  it('escapes hostile titles and bodies everywhere and strips bidi overrides', async () => {
    const files = await siteOf({
      ...BASE_TREE,
      'ideas/evil12-ship.md': ideaText(
        'evil12',
        HOSTILE.replace(/"/g, "'"),
        ['alice'],
        '\n\n[click](javascript:alert(1)) [data](data:text/html,<b>x</b>) [ok](https://example.com/a?b=1) <img src=x onerror=alert(1)>',
      ),
    });
    const page = files.get('ideas/evil12.html') ?? '';
    expect(page).toContain('Ship &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page).not.toContain('<script>alert');
    expect(page).not.toContain('\u202E');
    expect(page).not.toMatch(/href="(javascript|data):/i);
    expect(page).toContain('href="https://example.com/a?b=1"');
    expect(page).toContain('&lt;img src=x onerror=alert(1)&gt;');
    // No inline script at all: only files of the site, under a CSP that allows 'self' alone.
    expect(page.match(/<script[^>]*>/g)).toEqual(['<script src="../assets/site.js" defer>']);
    expect(page).toContain("script-src 'self'");
    for (const [path, text] of files)
      if (path.endsWith('.html') && path !== 'report.html')
        expect(text, path).not.toMatch(/<script(?![^>]*\bsrc=")/);
    // The index is JSON inside a script file: the hostile title is a string in it.
    const index = files.get('assets/search-index.js') ?? '';
    expect(index.startsWith('globalThis.ideasSearchIndex={')).toBe(true);
    expect(JSON.parse(index.slice(index.indexOf('{'), -2)).docs.length).toBe(3);
  });

  it('writes one page per idea, team and campaign, the report, and the assets', async () => {
    const files = await siteOf(BASE_TREE);
    expect([...files.keys()].sort()).toEqual([
      'assets/search-index.js',
      'assets/site.css',
      'assets/site.js',
      'ideas/chat22.html',
      'ideas/shipa1.html',
      'index.html',
      'propose.html',
      'report.html',
      'search.html',
    ]);
    expect(files.get('report.html')).toContain('Ideas report');
  });

  it('ships a browser script without the validation library (zod would be most of it)', () => {
    // The script loads on every idea page of a phone: one import of a zod schema module made it
    // 572 KB once. The writers' YAML libraries are needed; a schema library is not.
    const script = readFileSync(join(import.meta.dirname, '..', 'dist', 'site-client.js'), 'utf8');
    expect(script.includes('ZodError'), 'zod is bundled into site.js').toBe(false);
    expect(script.length).toBeLessThan(160_000);
  });

  it('splits long lists into linked pages: every idea once, in rank order, none too big', async () => {
    // The theme is the team's too (its author's team): PER_PAGE + 30 open ideas in all.
    const files = await siteOf(bigTeamTree(PER_PAGE + 29, 25, 55));
    const ids = (html: string, section: string) => {
      const body = new RegExp(`<section id="${section}"[^]*?</section>`).exec(html)?.[0] ?? '';
      return [...body.matchAll(/<a href="\.\.\/ideas\/([a-z0-9]+)\.html">/g)].map((m) => m[1]);
    };
    const page = (path: string) => {
      const html = files.get(path);
      expect(html, path).toBeDefined();
      return html ?? '';
    };
    const numbered = (n: number) => `p${String(n).padStart(4, '0')}`;
    // Open ideas: two pages, every one once, each page linking to the other.
    const open = ['', '.p2'].map((k) => page(`teams/${BIG_TEAM}${k}.html`));
    expect(files.has(`teams/${BIG_TEAM}.p3.html`)).toBe(false);
    const listed = open.flatMap((html) => ids(html, 'open'));
    expect(open.map((html) => ids(html, 'open').length)).toEqual([PER_PAGE, 30]);
    expect(new Set(listed).size).toBe(listed.length);
    expect(listed.sort()).toEqual(
      [BIG_THEME, ...Array.from({ length: PER_PAGE + 29 }, (_, i) => numbered(i))].sort(),
    );
    // Best ranked first: votes fall with the number (the theme has none), ties by age then id.
    expect(ids(open[0] ?? '', 'open').slice(0, 3)).toEqual(['p0000', 'p0006', 'p0012']);
    for (const [i, html] of open.entries()) {
      expect(html).toContain(`aria-label="Pages of open ideas"`);
      expect(html).toContain(`Page ${i + 1} of 2`);
      expect(html).toMatch(new RegExp(`aria-current="page" aria-label="Page ${i + 1}"`));
      for (const [, href] of html
        .matchAll(/<nav class="pager"[^]*?<\/nav>/g)
        .next()
        .value?.[0].matchAll(/href="([^"]+)"/g) ?? [])
        expect(files.has(`teams/${href}`), href).toBe(true);
    }
    // Closed ideas: 20 on the first page, all 25 on the closed list, which links back.
    expect(ids(open[0] ?? '', 'closed')).toHaveLength(20);
    const closed = page(`teams/${BIG_TEAM}.closed.html`);
    expect(open[0]).toContain(`href="${BIG_TEAM}.closed.html">All 25 closed ideas`);
    expect(ids(closed, 'closed')).toHaveLength(25);
    expect(closed).toContain(`href="${BIG_TEAM}.html"`);
    // The parent team rolls the same ideas up, on pages of its own.
    expect(ids(page('teams/company.p2.html'), 'open')).toHaveLength(30);
    // A theme with 55 ideas shows 50 and links to all of them.
    const theme = page(`ideas/${BIG_THEME}.html`);
    expect(ids(theme, 'children')).toHaveLength(50);
    expect(theme).toContain(`href="../themes/${BIG_THEME}.html">All 55 ideas under it`);
    expect(ids(page(`themes/${BIG_THEME}.html`), 'children')).toHaveLength(55);
    for (const [path, text] of files)
      if (path.endsWith('.html')) expect(text.length, path).toBeLessThan(300_000);
  });

  it('pages the votes of an idea: each vote once, oldest first, plain links, still escaped', async () => {
    const total = 2 * VOTES_PER_PAGE + 5;
    const files = await siteOf(manyVotesTree(total));
    const first = `ideas/${MANY_VOTES_IDEA}.html`;
    const paths = [first, `ideas/${MANY_VOTES_IDEA}.p2.html`, `ideas/${MANY_VOTES_IDEA}.p3.html`];
    expect(files.has(`ideas/${MANY_VOTES_IDEA}.p4.html`)).toBe(false);
    const pages = paths.map((path) => files.get(path) ?? '');
    const voters = (html: string) =>
      [...html.matchAll(/<li><div class="vote-head"><span class="person">([^<]+)<\/span>/g)].map(
        (m) => m[1],
      );
    expect(pages.map((html) => voters(html).length)).toEqual([VOTES_PER_PAGE, VOTES_PER_PAGE, 5]);
    const expected = Array.from({ length: total }, (_, i) => `v${String(i).padStart(3, '0')}`);
    expect(pages.flatMap(voters)).toEqual(expected);
    // The figures and the form stay on the idea's own page; the others link back to it.
    expect(pages[0]).toContain(`<b>${total} voters</b>`);
    expect(pages[0]).toContain('Votes 1 to 100 of 205, oldest first.');
    expect(pages[0]).toContain('data-vote');
    expect(pages[2]).toContain('Votes 201 to 205 of 205, oldest first.');
    for (const [i, html] of pages.entries()) {
      expect(html, paths[i]).toContain(`Page ${i + 1} of 3`);
      expect(html).toMatch(new RegExp(`aria-current="page" aria-label="Page ${i + 1}"`));
      const nav = /<nav class="pager" aria-label="Pages of votes">[^]*?<\/nav>/.exec(html)?.[0];
      const hrefs = [...(nav ?? '').matchAll(/href="([^"]+)"/g)].map((m) => m[1]);
      expect(hrefs.length, paths[i]).toBeGreaterThanOrEqual(3);
      for (const href of hrefs) expect(files.has(`ideas/${href}`), href).toBe(true);
      if (i > 0) {
        expect(html).toContain(
          `<a href="${MANY_VOTES_IDEA}.html">Popular &lt;b&gt;idea&lt;/b&gt;</a>`,
        );
        expect(html).not.toContain('data-vote');
        expect(html).not.toContain('<b>idea</b>');
      }
    }
    // The form knows who voted, all 205, without listing them: hashes, smaller than the handles.
    const voted = /data-voted="([^"]*)"/.exec(pages[0] ?? '')?.[1] ?? '';
    const hasVoted = readVoted(voted);
    expect(expected.every(hasVoted)).toBe(true);
    expect(['v205', 'alice', 'v00'].some(hasVoted)).toBe(false);
    // A handle is one person whatever its case, as check judges a second vote.
    expect(hasVoted('V001')).toBe(true);
    expect(voted.length).toBeLessThan(7 * total);
    expect(pages[0]).not.toMatch(/data-voters|v150/);
    // The hostile comment, on the first page, is text; a page of short votes stays small.
    expect(voters(pages[0] ?? '')).toContain(HOSTILE_VOTER);
    expect(pages[0]).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(pages.join('')).not.toMatch(/<script>alert|href="javascript:/);
    for (const html of pages) expect(html.length).toBeLessThan(60_000);
    // An idea with one page of votes has no pager and no range.
    const few = files.get('ideas/shipa1.html') ?? '';
    expect(few).not.toContain('Pages of votes');
    expect(few).not.toContain('oldest first');
  });

  it('keeps only http(s) and relative link targets from content', () => {
    expect(safeHref('https://example.com')).toBe('https://example.com');
    expect(safeHref('../docs/a.md')).toBe('../docs/a.md');
    for (const bad of [
      'javascript:alert(1)',
      'JaVaScRiPt:x',
      'java\tscript:x',
      ' data:text/html,x',
      'vbscript:x',
      '//evil.example',
      'file:///etc/passwd',
    ])
      expect(safeHref(bad), bad).toBeUndefined();
    const html = renderMarkdown(
      '# Top\n\n- **a** `<b>`\n- [x](javascript:alert(1))\n\n> quoted <i>\n\n```\n<script>\n```',
    );
    expect(html).toContain('<h2>Top</h2>');
    expect(html).toContain('<code>&lt;b&gt;</code>');
    expect(html).toContain('<li>x</li>');
    expect(html).toContain('&lt;script&gt;');
    expect(html).not.toMatch(/<(script|i|b)>/);
  });

  it('describeIdeas gives what describeIdea gives, for every idea of the demo', async () => {
    const dir = join(tempDir(), 'demo');
    expect((await runCli(['demo', '--dir', dir], { cwd: tempDir() })).code).toBe(0);
    const { repo } = await readRepository({ root: dir, env: process.env });
    const support = countSupport(repo);
    const all = new Map([...describeIdeas(repo, support)].map((d) => [d.idea.id, d]));
    expect(all.size).toBe(repo.ideasById.size);
    for (const id of repo.ideasById.keys())
      expect(all.get(id), id).toEqual(describeIdea(repo, id, support));
  });

  it('builds GitHub and GitLab new-file links, and gives up on a link too long to send', () => {
    const github = {
      forge: 'github' as const,
      host: 'github.com',
      path: 'acme/ideas',
      branch: 'main',
      prefix: 'sub/',
    };
    const link = newFileLink(github, 'votes/abc123/bob.md', 'a: "b"\n');
    expect(link.url).toBe(
      'https://github.com/acme/ideas/new/main/sub/votes/abc123?filename=bob.md&value=a%3A%20%22b%22%0A',
    );
    const gitlab = {
      ...github,
      forge: 'gitlab' as const,
      host: 'gitlab.example.com',
      path: 'g/s/p',
      prefix: '',
    };
    expect(newFileLink(gitlab, 'ideas/x.md', 'hi').url).toBe(
      'https://gitlab.example.com/g/s/p/-/new/main/ideas?file_name=x.md&content=hi',
    );
    const long = newFileLink(github, 'ideas/x.md', 'x'.repeat(MAX_EDITOR_URL));
    expect(long.url).toBeUndefined();
    expect(long.folderUrl).toBe('https://github.com/acme/ideas/new/main/sub/ideas');
  });

  it('vote drafts refuse what the CLI refuses and quote like the CLI', () => {
    const context = {
      idea: 'abc123',
      authors: ['alice'],
      voted: readVoted(encodeVoted(['bob'])),
      closed: false,
      voting: { mode: 'simple', budget: 10, downvotes: false, selfVotes: false },
      people: ['alice', 'bob', 'carol'],
    };
    const input = {
      handle: 'carol',
      points: 1,
      customers: 'acme: corp',
      comment: '',
      today: '2026-11-24',
    };
    const ok = voteDraft(context, input);
    expect(ok.problems).toEqual([]);
    expect(ok.text).toBe(
      '---\nidea: abc123\nvoter: carol\npoints: 1\ndate: 2026-11-24\ncustomers: ["acme: corp"]\n---\n',
    );
    expect(voteDraft(context, { ...input, handle: 'alice' }).problems[0]).toMatch(/author/);
    expect(voteDraft(context, { ...input, handle: 'bob' }).problems[0]).toMatch(/already/);
    expect(voteDraft(context, { ...input, handle: '../x' }).problems[0]).toMatch(/handle/);
    expect(voteDraft(context, { ...input, handle: 'zed' }).warnings[0]).toMatch(
      /not one of the people/,
    );
    // A handle is one person whatever its case, as check judges it.
    expect(voteDraft(context, { ...input, handle: 'Carol' }).warnings).toEqual([]);
    expect(voteDraft(context, { ...input, handle: 'Alice' }).problems[0]).toMatch(/author/);
    expect(voteDraft(context, { ...input, handle: 'BOB' }).problems[0]).toMatch(/already/);
  });

  it('draws random ints without bias from 32-bit words', () => {
    const words = [0xffffffff, 5, 7];
    const next = randomIntFrom((array) => {
      array[0] = words.shift() ?? 0;
      return array;
    });
    // 0xffffffff lies past the last whole multiple of 36: drawn again.
    expect(next(36)).toBe(5);
    expect(next(36)).toBe(7);
  });

  it('searches words of bodies with the last word as a prefix, and filters', async () => {
    const root = makeRepo(BASE_TREE);
    const { repo } = await readRepository({ root, env: process.env });
    const index = prepareIndex(
      buildSearchIndex(
        [...repo.ideasById.values()].map((idea) => ({
          idea,
          status: idea.id === 'shipa1' ? 'reviewing' : 'proposed',
          voters: 0,
        })),
      ),
    );
    const ids = (query: string) =>
      runSearch(index, query).docs.map((n) => index.index.docs[n]?.[0]);
    expect(ids('customers month').sort()).toEqual(['chat22', 'shipa1']);
    expect(ids('overni')).toEqual(['shipa1']);
    expect(ids('live status:proposed')).toEqual(['chat22']);
    expect(ids('constructor')).toEqual([]);
    expect(ids('')).toEqual([]);
  });
});

describe('ideas site', () => {
  it('writes into a fresh folder, rewrites its own, and refuses any other', async () => {
    const root = makeRepo(BASE_TREE);
    const out = join(tempDir(), 'out');
    const first = await runCli(
      ['site', '--out', out, '--forge-url', 'https://github.com/acme/ideas'],
      { cwd: root },
    );
    expect(first.code).toBe(0);
    expect(first.stdout.trim()).toBe(out);
    const manifest = JSON.parse(readFileSync(join(out, '.ideas-site.json'), 'utf8')) as {
      files: string[];
    };
    expect(manifest.files).toContain('ideas/shipa1.html');
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toContain('data-forge-path="acme/ideas"');

    // A file the site did not write survives a rebuild; a page for a removed idea goes.
    writeFileSync(join(out, 'CNAME'), 'ideas.example.com\n');
    writeFileSync(
      join(out, '.ideas-site.json'),
      JSON.stringify({ files: [...manifest.files, 'ideas/gone12.html', '../escape.txt'] }),
    );
    writeFileSync(join(out, 'ideas', 'gone12.html'), 'old');
    expect((await runCli(['site', '--out', out], { cwd: root })).code).toBe(0);
    expect(existsSync(join(out, 'ideas', 'gone12.html'))).toBe(false);
    expect(readFileSync(join(out, 'CNAME'), 'utf8')).toBe('ideas.example.com\n');

    const foreign = join(tempDir(), 'foreign');
    mkdirSync(foreign);
    writeFileSync(join(foreign, 'keep.txt'), 'mine');
    const refused = await runCli(['site', '--out', foreign], { cwd: root });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/not written by "ideas site"/);
    for (const inside of ['ideas', 'votes/x', '.'])
      expect((await runCli(['site', '--out', inside], { cwd: root })).code, inside).toBe(2);
    const bad = await runCli(
      ['site', '--forge-url', 'https://example.com/x/y', '--out', join(tempDir(), 'o')],
      { cwd: root },
    );
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/not a GitHub or GitLab repository/);
  });

  it('a rebuild leaves the folder byte-identical to a fresh build, rewriting only what differs', async () => {
    const root = makeRepo(BASE_TREE);
    const args = (out: string) => [
      'site',
      '--out',
      out,
      '--forge-url',
      'https://github.com/acme/ideas',
    ];
    const rebuilt = join(tempDir(), 'rebuilt');
    expect((await runCli(args(rebuilt), { cwd: root })).code).toBe(0);
    const page = join(rebuilt, 'ideas', 'shipa1.html');
    const original = readFileSync(page, 'utf8');
    // Same length, different bytes; a longer file with the page as its start; a shorter one.
    const tampered = {
      [page]: original.replace('<title>', '<TITLE>'),
      [join(rebuilt, 'index.html')]: `${readFileSync(join(rebuilt, 'index.html'), 'utf8')}x`,
      [join(rebuilt, 'search.html')]: readFileSync(join(rebuilt, 'search.html'), 'utf8').slice(
        0,
        -1,
      ),
    };
    for (const [path, text] of Object.entries(tampered)) writeFileSync(path, text);
    const untouched = join(rebuilt, 'propose.html');
    const before = statSync(untouched).mtimeMs;
    expect((await runCli(args(rebuilt), { cwd: root })).code).toBe(0);
    const fresh = join(tempDir(), 'fresh');
    expect((await runCli(args(fresh), { cwd: root })).code).toBe(0);
    const list = (dir: string) => readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort();
    expect(list(rebuilt)).toEqual(list(fresh));
    for (const path of list(fresh))
      if (statSync(join(fresh, path)).isFile())
        expect(
          readFileSync(join(rebuilt, path)).equals(readFileSync(join(fresh, path))),
          path,
        ).toBe(true);
    expect(statSync(untouched).mtimeMs).toBe(before);
  });

  it('without a forge remote, says so and still builds', async () => {
    const root = makeRepo(BASE_TREE);
    const out = join(tempDir(), 'plain');
    const result = await runCli(['site', '--out', out], { cwd: root });
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/no GitHub or GitLab remote/);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).not.toContain('data-forge=');
  });

  it('init --site adds the Pages job, off until enabled; plain init does not', async () => {
    const plain = join(tempDir(), 'plain');
    expect((await runCli(['init', plain, '--reviewer', 'carol'], { cwd: tempDir() })).code).toBe(0);
    expect(existsSync(join(plain, '.github', 'workflows', 'ideas-site.yml'))).toBe(false);
    const withSite = join(tempDir(), 'with-site');
    expect(
      (await runCli(['init', withSite, '--reviewer', 'carol', '--site'], { cwd: tempDir() })).code,
    ).toBe(0);
    const job = readFileSync(join(withSite, '.github', 'workflows', 'ideas-site.yml'), 'utf8');
    expect(job).toMatch(/^ {2}# push:$/m);
    expect(job).not.toMatch(/^ {2}push:/m);
    expect(job).toMatch(/IDEAS_PACKAGE: git-ideas@\d/);
    expect(job).not.toMatch(/\{\{\w+\}\}/);
    const gitlab = join(tempDir(), 'gl');
    expect(
      (
        await runCli(['init', gitlab, '--reviewer', 'carol', '--site', '--ci', 'gitlab'], {
          cwd: tempDir(),
        })
      ).code,
    ).toBe(0);
    expect(readFileSync(join(gitlab, '.gitlab', 'ideas-site.gitlab-ci.yml'), 'utf8')).toMatch(
      /^pages:$/m,
    );
    const none = await runCli(['init', join(tempDir(), 'n'), '--site', '--ci', 'none'], {
      cwd: tempDir(),
    });
    expect(none.code).toBe(2);
  });
});

describe('site status colours', () => {
  it('follow the lifecycle role, not the status name', async () => {
    const { siteCss } = await import('../src/site/style.js');
    const { configSchema } = await import('../src/schema/config.js');
    const config = configSchema.parse({
      version: 1,
      lifecycle: {
        initial: 'draft',
        main: ['draft', 'accepted', 'final'],
        done: ['final'],
        closed: ['final', 'rejected'],
        transitions: {
          draft: ['accepted', 'rejected'],
          accepted: ['final'],
          final: [],
          rejected: [],
        },
      },
    });
    const css = siteCss(config.lifecycle);
    expect(css).toContain('.st-final{color:var(--ok)');
    expect(css).toContain('.st-accepted{color:var(--accent)');
    expect(css).toContain('.st-rejected{color:var(--muted)}');
    expect(css).not.toContain('.st-shipped');
  });
});
