/**
 * The HTML report of the demo repository in a real browser (Debian's Chromium through
 * playwright-core): it loads with no console error and no network request, its stylesheet
 * passes its own Content-Security-Policy, every chart has a text alternative, it fits a phone
 * with each top idea's id, title and score in view, its idea links open the idea's file on the
 * forge, and screenshots land in tests/artifacts/ for a person to look at.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ARTIFACTS, CHROMIUM, hasChromium, launchChromium, watchPage } from './helpers/browser.js';
import { runCli } from './helpers/cli.js';
import { git, tempDir } from './helpers/repo.js';
import type { Report } from '../src/report/report.js';

const BLOB = 'https://github.com/acme/shop-ideas/blob/main/';

// Code that runs in the page, as strings: the tests compile without the DOM library.
const LAYOUT = `({
  display: getComputedStyle(document.querySelector('main')).display,
  overflow: document.documentElement.scrollWidth - window.innerWidth,
})`;
const CHARTS = `[...document.querySelectorAll('svg')].map((svg) => {
  const labelled = (svg.getAttribute('aria-labelledby') || '')
    .split(' ')
    .map((id) => (document.getElementById(id)?.textContent || '').trim());
  const section = svg.closest('section');
  return {
    role: svg.getAttribute('role'),
    title: labelled[0] || '',
    description: labelled[1] || '',
    section: section ? section.id : '',
    tables: section ? section.querySelectorAll('table').length : 0,
    width: svg.getBoundingClientRect().width,
  };
})`;

// Every idea link, with the id shown beside it.
const LINKS = `[...document.querySelectorAll('a[href^="https://"]')].map((a) => ({
  href: a.getAttribute('href'),
  id: (a.previousElementSibling?.textContent || a.closest('.card')?.querySelector('.id')?.textContent || '').trim(),
}))`;
// Each top idea's id, title and score: where they stand in the viewport.
const TOP_ROWS = `[...document.querySelectorAll('#top tbody tr')].map((tr) => {
  const box = (el) => { const r = el.getBoundingClientRect(); return { left: r.left, right: r.right, width: r.width }; };
  return {
    id: box(tr.querySelector('.id')),
    title: box(tr.querySelector('td.t a')),
    titleCell: box(tr.querySelector('td.t')),
    score: box(tr.children[4]),
    // What shows without scrolling: the screen, and the table's own scrolling box within it.
    viewport: Math.min(window.innerWidth, tr.closest('.table').getBoundingClientRect().right),
  };
})`;
const QUEUE_ROWS = `document.querySelectorAll('#review .split > div:first-child tbody tr').length`;

/** The demo repository with a GitHub remote, and its HTML report. */
async function demoReport(): Promise<string> {
  return (await demo()).out;
}

async function demo(): Promise<{ dir: string; out: string }> {
  const dir = join(tempDir(), 'demo');
  const made = await runCli(['demo', '--dir', dir], { cwd: tempDir() });
  expect(made.code).toBe(0);
  git(dir, 'remote', 'add', 'origin', 'git@github.com:acme/shop-ideas.git');
  const out = join(dir, 'report.html');
  const report = await runCli(['report', '--out', out], { cwd: dir });
  expect(report.code).toBe(0);
  return { dir, out };
}

describe.skipIf(!hasChromium)(
  `HTML report in headless Chromium${hasChromium ? '' : ` (skipped: ${CHROMIUM} is absent; install it with "apt-get install chromium")`}`,
  () => {
    it('loads offline with no errors, every chart described, on a laptop and a phone', async () => {
      const { dir, out: file } = await demo();
      const url = pathToFileURL(file).href;
      const json = await runCli(['report', '--format', 'json'], { cwd: dir });
      const report = JSON.parse(json.stdout) as Report;
      mkdirSync(ARTIFACTS, { recursive: true });
      const browser = await launchChromium();
      try {
        for (const view of [
          { name: 'laptop-light', width: 1280, height: 900, scheme: 'light' as const },
          { name: 'laptop-dark', width: 1280, height: 900, scheme: 'dark' as const },
          { name: 'phone-light', width: 390, height: 844, scheme: 'light' as const },
          { name: 'phone-dark', width: 390, height: 844, scheme: 'dark' as const },
        ]) {
          const page = await browser.newPage({
            viewport: { width: view.width, height: view.height },
            colorScheme: view.scheme,
          });
          const { errors, requests } = watchPage(page);
          await page.goto(url, { waitUntil: 'load' });

          expect(errors).toEqual([]);
          expect(requests).toEqual([url]);

          // The stylesheet ran under the page's CSP (a wrong hash would leave it unstyled).
          const layout = (await page.evaluate(LAYOUT)) as { display: string; overflow: number };
          expect(layout.display).toBe('grid');
          expect(layout.overflow).toBeLessThanOrEqual(0);

          const charts = (await page.evaluate(CHARTS)) as {
            role: string | null;
            title: string;
            description: string;
            section: string;
            tables: number;
            width: number;
          }[];
          expect(charts.map((c) => c.section)).toEqual([
            'funnel',
            'latency',
            'participation',
            'participation',
            'trends',
          ]);
          for (const chart of charts) {
            expect(chart.role).toBe('img');
            expect(chart.title.length).toBeGreaterThan(5);
            expect(chart.description.length).toBeGreaterThan(20);
            expect(chart.tables).toBeGreaterThan(0);
            expect(chart.width).toBeGreaterThan(200);
          }
          // Each idea's title opens its own file on the forge: a file the repository holds.
          const links = (await page.evaluate(LINKS)) as { href: string; id: string }[];
          expect(links.length).toBeGreaterThan(report.top.ideas.length);
          for (const link of links) {
            expect(link.href.startsWith(`${BLOB}ideas/${link.id}-`), link.href).toBe(true);
            expect(link.href).toMatch(/\.md$/);
            expect(existsSync(join(dir, decodeURIComponent(link.href.slice(BLOB.length))))).toBe(
              true,
            );
          }
          // Id, title and score of every top idea inside the screen; a title reads in lines of
          // several words (its cell keeps at least 9rem), not one word a line.
          const rows = (await page.evaluate(TOP_ROWS)) as {
            id: { left: number; right: number };
            title: { left: number; right: number };
            titleCell: { width: number };
            score: { left: number; right: number };
            viewport: number;
          }[];
          expect(rows).toHaveLength(report.top.ideas.length);
          for (const row of rows) {
            for (const part of [row.id, row.title, row.score]) {
              expect(part.left).toBeGreaterThanOrEqual(0);
              expect(part.right).toBeLessThanOrEqual(row.viewport);
            }
            expect(row.titleCell.width).toBeGreaterThanOrEqual(120);
          }
          // The whole queue is on the page: the rows past the first 12 behind a <details>.
          expect(await page.evaluate(QUEUE_ROWS)).toBe(report.review.queue.length);
          expect(await page.evaluate(`document.body.textContent.includes('lists all')`)).toBe(
            false,
          );
          await page.screenshot({
            path: join(ARTIFACTS, `report-${view.name}.png`),
            fullPage: true,
          });
          await page.close();
        }
      } finally {
        await browser.close();
      }
      expect(existsSync(join(ARTIFACTS, 'report-laptop-light.png'))).toBe(true);
    });

    it('prints: the page renders to PDF without the navigation', async () => {
      const file = await demoReport();
      const browser = await launchChromium();
      try {
        const page = await browser.newPage();
        await page.goto(pathToFileURL(file).href);
        await page.emulateMedia({ media: 'print' });
        const nav = await page.evaluate("getComputedStyle(document.querySelector('nav')).display");
        expect(nav).toBe('none');
        const pdf = await page.pdf({ format: 'A4' });
        expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
      } finally {
        await browser.close();
      }
    });
  },
);
