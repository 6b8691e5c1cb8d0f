/**
 * The static site of the demo repository in a real browser (Debian's Chromium through
 * playwright-core): search finds an idea by a word of its body; the vote and propose buttons
 * point at GitHub's new-file editor with a file that, committed on a branch, passes
 * `ideas validate` and `ideas check --actor`; no console error, no request to any other
 * host; every control labelled, every image and chart described; screenshots for a person.
 */
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ARTIFACTS, CHROMIUM, hasChromium, launchChromium, watchPage } from './helpers/browser.js';
import { runCli } from './helpers/cli.js';
import { commitAs } from './helpers/forge.js';
import { git, makeRepo } from './helpers/repo.js';
import { BIG_TEAM, bigTeamTree } from './helpers/site-tree.js';
import { PER_PAGE } from '../src/site/paging.js';
import { VOTES_PER_PAGE } from '../src/site/idea-page.js';
import { MANY_VOTES_IDEA, manyVotesTree } from './helpers/site-votes.js';
import { readVoted } from '../src/site/voted.js';

const REMOTE = 'https://github.com/acme/ideas-demo.git';

// Code that runs in the page, as strings: the tests compile without the DOM library.
const UNLABELLED = `[...document.querySelectorAll('input, select, textarea, button')]
  .filter((el) => el.type !== 'hidden')
  .filter((el) => {
    const byFor = el.id && document.querySelector('label[for="' + el.id + '"]');
    const named = el.getAttribute('aria-label') || el.getAttribute('aria-labelledby');
    const text = el.tagName === 'BUTTON' && el.textContent.trim();
    return !(byFor || named || text || el.closest('label'));
  })
  .map((el) => el.outerHTML.slice(0, 120))`;
const UNDESCRIBED = `[
  ...[...document.querySelectorAll('img')].filter((img) => !img.hasAttribute('alt')),
  ...[...document.querySelectorAll('svg')].filter(
    (svg) => svg.getAttribute('aria-hidden') !== 'true' &&
      !(svg.getAttribute('role') === 'img' && (svg.getAttribute('aria-label') || svg.getAttribute('aria-labelledby'))),
  ),
  ...[...document.querySelectorAll('a[href]')].filter((a) => a.textContent.trim() === '' && !a.getAttribute('aria-label')),
].map((el) => el.outerHTML.slice(0, 120))`;
const LANDMARKS = `({
  lang: document.documentElement.lang,
  mains: document.querySelectorAll('main').length,
  h1s: document.querySelectorAll('h1').length,
  skip: document.querySelector('a.skip')?.getAttribute('href') ?? null,
  navLabelled: [...document.querySelectorAll('nav')].every((n) => n.getAttribute('aria-label')),
  search: document.querySelectorAll('[role=search]').length,
  overflow: document.documentElement.scrollWidth - window.innerWidth,
  styled: getComputedStyle(document.body).margin === '0px',
})`;
const FOCUSED = `document.activeElement ? document.activeElement.className + '|' + document.activeElement.textContent : ''`;

interface Visit {
  page: Page;
  errors: string[];
  requests: string[];
}

let browser: Browser;
let work: string;
let demo: string;
let site: string;

async function open(
  path: string,
  size = { width: 1280, height: 900 },
  options: { root?: string; javaScript?: boolean } = {},
): Promise<Visit> {
  const root = options.root ?? site;
  const page = await browser.newPage({
    viewport: size,
    javaScriptEnabled: options.javaScript ?? true,
  });
  const { errors, requests } = watchPage(page);
  // Anything that is not a file of the site fails, and is recorded as a failure.
  await page.route('**/*', (route) =>
    route.request().url().startsWith('file://') ? route.continue() : route.abort(),
  );
  const [file = '', query] = path.split('?');
  const url = pathToFileURL(join(root, file)).href + (query === undefined ? '' : `?${query}`);
  await page.goto(url, { waitUntil: 'load' });
  return { page, errors, requests };
}

function expectClean(visit: Visit, root = site): void {
  expect(visit.requests.length).toBeGreaterThan(0);
  expect(visit.errors).toEqual([]);
  expect(visit.requests.filter((url) => !url.startsWith(pathToFileURL(root).href))).toEqual([]);
}

/** The file an editor link would create: its root-relative path and its text. */
function fileOf(href: string): { path: string; text: string } {
  const url = new URL(href);
  expect(url.origin).toBe('https://github.com');
  const match = /^\/acme\/ideas-demo\/new\/main\/(.+)$/.exec(url.pathname);
  expect(match).not.toBeNull();
  const folder = decodeURIComponent(match?.[1] ?? '');
  return {
    path: `${folder}/${url.searchParams.get('filename') ?? ''}`,
    text: url.searchParams.get('value') ?? '',
  };
}

/** Commits the file on a new branch as `handle`, then validate and check judge the branch. */
async function proposeOnBranch(handle: string, file: { path: string; text: string }) {
  const today = /^(?:date|created): (\d{4}-\d{2}-\d{2})$/m.exec(file.text)?.[1] ?? '';
  const branch = `site/${handle}-${Date.now()}`;
  git(demo, 'checkout', '-q', '-b', branch, 'main');
  try {
    commitAs(demo, handle, { [file.path]: file.text }, `${handle} proposes ${file.path}`);
    const env = { IDEAS_TODAY: today };
    const validate = await runCli(['validate', file.path], { cwd: demo, env });
    const check = await runCli(['check', '--base', 'main', '--actor', handle], { cwd: demo, env });
    return { validate, check };
  } finally {
    git(demo, 'checkout', '-q', 'main');
  }
}

describe.skipIf(!hasChromium)(
  `the static site in headless Chromium${hasChromium ? '' : ` (skipped: ${CHROMIUM} is absent)`}`,
  () => {
    beforeAll(async () => {
      // One demo and one site for every test here: made once, removed at the end.
      work = realpathSync(mkdtempSync(join(tmpdir(), 'ideas-site-')));
      demo = join(work, 'demo');
      expect((await runCli(['demo', '--dir', demo], { cwd: work })).code).toBe(0);
      git(demo, 'remote', 'add', 'origin', REMOTE);
      site = join(work, 'site');
      const built = await runCli(['site', '--out', site], { cwd: demo });
      expect(built.stderr).not.toMatch(/error/i);
      expect(built.code).toBe(0);
      browser = await launchChromium();
    });
    afterAll(async () => {
      await browser?.close();
      if (work) rmSync(work, { recursive: true, force: true });
    });

    it('finds an idea by a word that is only in its body', async () => {
      const visit = await open('search.html');
      // "rollbacks" is in the body of "Feature flags for risky checkout changes", not its title.
      await visit.page.fill('#search-q', 'rollbacks');
      await visit.page.locator('#search-results li').first().waitFor();
      const titles = await visit.page.locator('#search-results li .title a').allTextContents();
      expect(titles).toContain('Feature flags for risky checkout changes');
      expect(await visit.page.textContent('#search-status')).toMatch(/match/);
      // The header's search box sends the query to the same page.
      const header = await open('index.html');
      await header.page.fill('#site-q', 'warehouse');
      await header.page.press('#site-q', 'Enter');
      await header.page.waitForURL(/search\.html\?q=warehouse/);
      await header.page.locator('#search-results li').first().waitFor();
      expectClean(visit);
      expectClean(header);
    });

    it('votes through GitHub: the prefilled file passes validate and check --actor', async () => {
      const home = await open('index.html');
      const first = await home.page.locator('#rising li .title a').first().getAttribute('href');
      const visit = await open(first ?? '');
      const form = visit.page.locator('form[data-vote]');
      const people = ((await form.getAttribute('data-people')) ?? '').split(' ');
      const voted = readVoted((await form.getAttribute('data-voted')) ?? '');
      const authors = ((await form.getAttribute('data-authors')) ?? '').split(' ');
      const handle = people.find((p) => p && !voted(p) && !authors.includes(p)) ?? '';
      expect(handle).not.toBe('');
      expect(await visit.page.getAttribute('#vote-link', 'aria-disabled')).toBe('true');
      // A returning voter is told so, from the hashes the page carries, and sent to their file.
      const voter = (await visit.page.locator('ol.votes .person').first().textContent()) ?? '';
      expect(voted(voter)).toBe(true);
      await visit.page.fill('#vote-handle', voter);
      await visit.page.getByText('You have voted for this idea already').waitFor();
      expect(await visit.page.getAttribute('#vote-link', 'aria-disabled')).toBe('true');
      expect(
        await visit.page.getByRole('link', { name: 'Edit your vote file' }).getAttribute('href'),
      ).toContain(`/${voter}.md`);
      await visit.page.fill('#vote-handle', handle);
      await visit.page.fill('#vote-customers', 'acme, Stark Industries');
      await visit.page.fill(
        '#vote-comment',
        'Heard it twice this week: "can we get it by Monday?"',
      );
      const href = (await visit.page.getAttribute('#comment-link', 'href')) ?? '';
      expect(await visit.page.getAttribute('#vote-link', 'aria-disabled')).toBe('false');
      const file = fileOf(href);
      expect(file.path).toMatch(new RegExp(`^votes/[a-z0-9]+/${handle}\\.md$`));
      expect(file.text).toContain('customers: [acme, Stark Industries]');
      const { validate, check } = await proposeOnBranch(handle, file);
      expect(validate.stdout + validate.stderr).not.toMatch(/error/);
      expect(validate.code).toBe(0);
      expect(check.stderr).toBe('');
      expect(check.code).toBe(0);

      // The handle is remembered (localStorage) when the page is opened again.
      await visit.page.reload();
      expect(await visit.page.inputValue('#vote-handle')).toBe(handle);
      expectClean(home);
      expectClean(visit);
    });

    it('proposes an idea through GitHub: a fresh id, the template filled, and it passes', async () => {
      const visit = await open('index.html');
      await visit.page.click('.hero a.button:has-text("Propose an idea")');
      await visit.page.waitForURL(/propose\.html/);
      const page = visit.page;
      await page.fill('#idea-handle', 'nia');
      await page.fill('#idea-title', 'Deliver to parcel lockers: "no one home" <script>');
      await page.selectOption('#idea-team', { index: 1 });
      await page.fill('#idea-tags', 'logistics, customers');
      for (const area of await page.locator('textarea[data-heading]').all())
        await area.fill('Customers miss deliveries: # not a heading, key: value');
      const href = (await page.getAttribute('#propose-link', 'href')) ?? '';
      const file = fileOf(href);
      expect(file.path).toMatch(
        /^ideas\/[a-z][a-z0-9]{5}-deliver-to-parcel-lockers-no-one-home-script\.md$/,
      );
      expect(file.text).toMatch(/^---\nid: [a-z][a-z0-9]{5}\n/);
      const { validate, check } = await proposeOnBranch('nia', file);
      expect(validate.stdout + validate.stderr).not.toMatch(/ error /);
      expect(validate.code).toBe(0);
      expect(check.code).toBe(0);
      expectClean(visit);
    });

    it('every page: landmarks, labels, text alternatives, no error, no other host', async () => {
      const pages = ['index.html', 'search.html?q=ship', 'propose.html', 'report.html'];
      const html = readFileSync(join(site, '.ideas-site.json'), 'utf8');
      const listed = (JSON.parse(html) as { files: string[] }).files;
      for (const prefix of ['ideas/', 'teams/', 'campaigns/'])
        pages.push(listed.find((f) => f.startsWith(prefix)) ?? '');
      for (const path of pages) {
        const visit = await open(path);
        expect(await visit.page.evaluate(UNLABELLED), path).toEqual([]);
        expect(await visit.page.evaluate(UNDESCRIBED), path).toEqual([]);
        if (path !== 'report.html') {
          const landmarks = (await visit.page.evaluate(LANDMARKS)) as Record<string, unknown>;
          expect(landmarks, path).toMatchObject({
            lang: 'en',
            mains: 1,
            h1s: 1,
            skip: '#main',
            navLabelled: true,
            search: expect.any(Number),
            styled: true,
          });
          // The first Tab lands on the skip link.
          await visit.page.keyboard.press('Tab');
          expect(await visit.page.evaluate(FOCUSED)).toMatch(/^skip\|Skip to content/);
        }
        expectClean(visit);
        await visit.page.close();
      }
    });

    it('pages through a long team list by keyboard, with or without script', async () => {
      const repo = makeRepo(bigTeamTree(PER_PAGE + 29, 25, 0));
      const big = join(work, 'big-site');
      const built = await runCli(['site', '--out', big], { cwd: repo });
      expect(built.code).toBe(0);
      const visit = await open(`teams/${BIG_TEAM}.html`, undefined, { root: big });
      const page = visit.page;
      expect(await page.locator('#open ul.ideas > li').count()).toBe(PER_PAGE);
      const pager = page.locator('nav.pager[aria-label="Pages of open ideas"]');
      expect(await pager.locator('[aria-current=page]').textContent()).toBe('1');
      expect(await page.evaluate(UNLABELLED)).toEqual([]);
      expect(await page.evaluate(UNDESCRIBED)).toEqual([]);
      expect(await page.evaluate(LANDMARKS)).toMatchObject({ mains: 1, h1s: 1, navLabelled: true });
      // From the list's last idea, the pager is next in the tab order: 1, 2, then Next.
      await page.focus('#open ul.ideas > li:last-child a');
      const stops: string[] = [];
      for (let i = 0; i < 3; i++) {
        await page.keyboard.press('Tab');
        stops.push(String(await page.evaluate(FOCUSED)).split('|')[1] ?? '');
      }
      expect(stops).toEqual(['1', '2', 'Next']);
      expect(await page.evaluate(FOCUSED)).toMatch(/\|Next$/);
      await page.keyboard.press('Enter');
      await page.waitForURL(new RegExp(`teams/${BIG_TEAM}\\.p2\\.html$`));
      expect(await page.locator('#open ul.ideas > li').count()).toBe(30);
      expect(await pager.locator('[aria-current=page]').getAttribute('aria-label')).toBe('Page 2');
      expectClean(visit, big);
      await page.close();

      // Without JavaScript the pages are the same plain links.
      const plain = await open(
        `teams/${BIG_TEAM}.p2.html`,
        { width: 390, height: 844 },
        {
          root: big,
          javaScript: false,
        },
      );
      await plain.page.click('nav.pager a[rel=prev]');
      await plain.page.waitForURL(new RegExp(`teams/${BIG_TEAM}\\.html$`));
      await plain.page.click(`a[href="${BIG_TEAM}.closed.html"]`);
      expect(await plain.page.locator('#closed ul.ideas > li').count()).toBe(25);
      const overflow = (await plain.page.evaluate(LANDMARKS)) as { overflow: number };
      expect(overflow.overflow).toBeLessThanOrEqual(0);
      mkdirSync(ARTIFACTS, { recursive: true });
      await plain.page.goto(pathToFileURL(join(big, 'teams', `${BIG_TEAM}.html`)).href);
      await plain.page.locator('nav.pager').scrollIntoViewIfNeeded();
      await plain.page.screenshot({ path: join(ARTIFACTS, 'site-team-pager-phone.png') });
      expectClean(plain, big);
      await plain.page.close();
    });

    it('pages through the votes of an idea by plain links, without script', async () => {
      const repo = makeRepo(manyVotesTree(VOTES_PER_PAGE + 7));
      const voted = join(work, 'votes-site');
      expect((await runCli(['site', '--out', voted], { cwd: repo })).code).toBe(0);
      const visit = await open(
        `ideas/${MANY_VOTES_IDEA}.html`,
        { width: 390, height: 844 },
        { root: voted, javaScript: false },
      );
      const page = visit.page;
      expect(await page.locator('#support ol.votes > li').count()).toBe(VOTES_PER_PAGE);
      const pager = page.locator('nav.pager[aria-label="Pages of votes"]');
      expect(await pager.locator('[aria-current=page]').textContent()).toBe('1');
      await pager.locator('a[rel=next]').click();
      await page.waitForURL(new RegExp(`ideas/${MANY_VOTES_IDEA}\\.p2\\.html$`));
      expect(await page.locator('#votes ol.votes > li').count()).toBe(7);
      expect(await page.evaluate(UNLABELLED)).toEqual([]);
      expect(await page.evaluate(UNDESCRIBED)).toEqual([]);
      const landmarks = (await page.evaluate(LANDMARKS)) as Record<string, unknown>;
      expect(landmarks).toMatchObject({ mains: 1, h1s: 1, navLabelled: true });
      expect(landmarks['overflow']).toBeLessThanOrEqual(0);
      // Back to the idea, where the vote form is.
      await page.click('.crumbs a');
      await page.waitForURL(new RegExp(`ideas/${MANY_VOTES_IDEA}\\.html$`));
      expect(await page.locator('form[data-vote]').count()).toBe(1);
      expectClean(visit, voted);
      await page.close();
    });

    it('fits a phone and a desktop, light and dark (screenshots in tests/artifacts)', async () => {
      mkdirSync(ARTIFACTS, { recursive: true });
      const home = await open('index.html');
      const idea =
        (await home.page.locator('#rising li .title a').first().getAttribute('href')) ?? '';
      for (const view of [
        { name: 'desktop', width: 1280, height: 900, scheme: 'light' as const },
        { name: 'phone', width: 390, height: 844, scheme: 'dark' as const },
      ]) {
        for (const [label, path] of [
          ['home', 'index.html'],
          ['idea', idea],
        ] as const) {
          const visit = await open(path, view);
          await visit.page.emulateMedia({ colorScheme: view.scheme });
          const landmarks = (await visit.page.evaluate(LANDMARKS)) as { overflow: number };
          expect(landmarks.overflow, `${label} on a ${view.name}`).toBeLessThanOrEqual(0);
          await visit.page.screenshot({
            path: join(ARTIFACTS, `site-${label}-${view.name}-${view.scheme}.png`),
            fullPage: view.name === 'desktop',
          });
          expectClean(visit);
          await visit.page.close();
        }
      }
    });
  },
);
