/**
 * The HTML report of the demo repository in a real browser (Debian's Chromium through
 * playwright-core): it loads with no console error and no network request, its stylesheet
 * passes its own Content-Security-Policy, every chart has a text alternative, it fits a phone,
 * and screenshots land in tests/artifacts/ for a person to look at.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import { runCli } from './helpers/cli.js';
import { tempDir } from './helpers/repo.js';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
const ARTIFACTS = join(import.meta.dirname, 'artifacts');

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

async function demoReport(): Promise<string> {
  const dir = join(tempDir(), 'demo');
  const demo = await runCli(['demo', '--dir', dir], { cwd: tempDir() });
  expect(demo.code).toBe(0);
  const out = join(dir, 'report.html');
  const report = await runCli(['report', '--out', out], { cwd: dir });
  expect(report.code).toBe(0);
  return out;
}

async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

describe.skipIf(!hasChromium)(
  `HTML report in headless Chromium${hasChromium ? '' : ` (skipped: ${CHROMIUM} is absent; install it with "apt-get install chromium")`}`,
  () => {
    it('loads offline with no errors, every chart described, on a laptop and a phone', async () => {
      const file = await demoReport();
      const url = pathToFileURL(file).href;
      mkdirSync(ARTIFACTS, { recursive: true });
      const browser = await launch();
      try {
        for (const view of [
          { name: 'laptop-light', width: 1280, height: 900, scheme: 'light' as const },
          { name: 'laptop-dark', width: 1280, height: 900, scheme: 'dark' as const },
          { name: 'phone-light', width: 390, height: 844, scheme: 'light' as const },
        ]) {
          const page = await browser.newPage({
            viewport: { width: view.width, height: view.height },
            colorScheme: view.scheme,
          });
          const errors: string[] = [];
          const requests: string[] = [];
          page.on('console', (message) => {
            if (message.type() === 'error' || message.type() === 'warning')
              errors.push(message.text());
          });
          page.on('pageerror', (error) => errors.push(error.message));
          page.on('request', (request) => requests.push(request.url()));
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
      const browser = await launch();
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
