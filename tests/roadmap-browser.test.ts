/**
 * The roadmap page of the demo in headless Chromium (Debian's, through playwright-core): no
 * console error, no request but the file, its stylesheet allowed by the CSP, links to the
 * forge that name real files, and on a phone the id, title and days of every row in view.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ARTIFACTS, hasChromium, launchChromium, watchPage } from './helpers/browser.js';
import { runCli } from './helpers/cli.js';
import { git, tempDir } from './helpers/repo.js';

// Runs in the page, as a string: the tests compile without the DOM library.
const MEASURE = `({
  maxWidth: getComputedStyle(document.body).maxWidth,
  overflow: document.documentElement.scrollWidth - window.innerWidth,
  links: [...document.querySelectorAll('a[href]')].map((a) => a.getAttribute('href')),
  rows: [...document.querySelectorAll('tbody tr')].map((tr) =>
    [...tr.children].slice(0, 3).map((td) => {
      const box = td.getBoundingClientRect();
      return { right: box.right, width: box.width };
    }),
  ),
})`;

describe.skipIf(!hasChromium)(
  `roadmap page in headless Chromium${hasChromium ? '' : ' (skipped: install chromium)'}`,
  () => {
    it('loads offline, links real files on the forge, and fits a phone', async () => {
      const dir = join(tempDir(), 'demo');
      expect((await runCli(['demo', '--dir', dir], { cwd: tempDir() })).code).toBe(0);
      git(dir, 'remote', 'add', 'origin', 'https://github.com/acme/ideas.git');
      git(dir, 'update-ref', 'refs/remotes/origin/main', 'HEAD');
      git(dir, 'symbolic-ref', 'refs/remotes/origin/HEAD', 'refs/remotes/origin/main');
      const out = join(dir, 'roadmap.html');
      const made = await runCli(['roadmap', '--format', 'html', '--out', out], { cwd: dir });
      expect(made.code).toBe(0);
      const url = pathToFileURL(out).href;
      mkdirSync(ARTIFACTS, { recursive: true });
      const browser = await launchChromium();
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
          const { errors, requests } = watchPage(page);
          await page.goto(url, { waitUntil: 'load' });
          expect(errors).toEqual([]);
          expect(requests).toEqual([url]);
          const m = (await page.evaluate(MEASURE)) as {
            maxWidth: string;
            overflow: number;
            links: string[];
            rows: { right: number; width: number }[][];
          };
          // The stylesheet ran under the CSP: a wrong hash would leave the body unbounded.
          expect(m.maxWidth).not.toBe('none');
          expect(m.overflow).toBeLessThanOrEqual(0);
          expect(m.links.length).toBe(6);
          for (const link of m.links) {
            const prefix = 'https://github.com/acme/ideas/blob/main/';
            expect(link.startsWith(prefix)).toBe(true);
            expect(existsSync(join(dir, decodeURIComponent(link.slice(prefix.length))))).toBe(true);
          }
          // id, title and days stay in view on every row.
          for (const cells of m.rows)
            for (const cell of cells) {
              expect(cell.width).toBeGreaterThan(0);
              expect(cell.right).toBeLessThanOrEqual(view.width);
            }
          await page.screenshot({
            path: join(ARTIFACTS, `roadmap-${view.name}.png`),
            fullPage: true,
          });
          await page.close();
        }
      } finally {
        await browser.close();
      }
    });
  },
);
