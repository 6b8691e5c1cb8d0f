/** The small pure pieces the report's figures and charts stand on. */
import { describe, expect, it } from 'vitest';
import { daysBetween, monthsBetween, percentile, shareOf } from '../src/report/stats.js';
import { teamAndBelow, teamTree } from '../src/model/teams.js';
import { bar, sparkline, truncate } from '../src/report/format-common.js';
import { DEFAULT_LIFECYCLE, inferMainLine } from '../src/schema/config.js';
import { escapeHtml } from '../src/format/html-escape.js';
import { escapeMarkdown } from '../src/format/md-escape.js';
import { funnelChart } from '../src/report/svg.js';
import { DEFAULT_MAIN_LINE } from './helpers/lifecycles.js';

describe('report statistics', () => {
  it('interpolates percentiles between the closest ranks', () => {
    expect(percentile([], 50)).toBeNull();
    expect(percentile([7], 90)).toBe(7);
    expect(percentile([1, 2, 3, 4], 50)).toBe(2.5);
    expect(percentile([10, 40, 50], 90)).toBe(48);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90)).toBe(9.1);
    expect(percentile([5, 1, 3], 50)).toBe(3); // order of input does not matter
  });

  it('counts calendar days and months across leap years and year ends', () => {
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2026-03-12', '2026-11-24')).toBe(257);
    expect(daysBetween('2026-01-10', '2026-01-01')).toBe(-9);
    expect(monthsBetween('2025-11', '2026-02')).toEqual([
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
    ]);
    expect(shareOf(1, 6)).toBe(0.167);
    expect(shareOf(3, 0)).toBeNull();
  });

  it('follows the main line of the lifecycle and the team tree', () => {
    expect(inferMainLine(DEFAULT_LIFECYCLE.initial, DEFAULT_LIFECYCLE.transitions)).toEqual(
      DEFAULT_MAIN_LINE,
    );
    const teams = { company: {}, eng: { parent: 'company' }, web: { parent: 'eng' }, ops: {} };
    expect([...teamAndBelow(teamTree(teams), 'company')].sort()).toEqual(['company', 'eng', 'web']);
    expect([...teamAndBelow(teamTree(teams), 'web')]).toEqual(['web']);
  });

  it('draws bars in eighths and sparklines scaled to the largest value', () => {
    expect(bar(1, 1, 4)).toBe('████');
    expect(bar(1, 2, 4)).toBe('██');
    expect(bar(1, 16, 2)).toBe('▏');
    expect(bar(0, 5, 4)).toBe('');
    expect(sparkline([0, 1, 2, 4, 8])).toBe(' ▁▂▄█');
    expect(truncate('abcdef', 4)).toBe('abc…');
  });

  it('escapes for HTML and Markdown', () => {
    expect(escapeHtml(`<a href="x" onclick='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
    expect(escapeHtml('\u001b[2Jgone\u202e')).toBe('gone\uFFFD');
    expect(escapeMarkdown('a | b\nc [x](javascript:y) *z*')).toBe(
      'a \\| b c \\[x\\]\\(javascript:y\\) \\*z\\*',
    );
  });
});

describe('the HTML funnel chart', () => {
  it('makes room for a long status name: no label runs off the left edge', () => {
    const svg = funnelChart({ id: 'f', title: 'Funnel', description: 'stages' }, [
      { label: 'provisional', value: 10, note: '', conversion: '' },
      { label: 'implementable', value: 5, note: '', conversion: '' },
    ]);
    const label = /<text class="label" x="([\d.]+)"[^>]*text-anchor="end">implementable</.exec(svg);
    // Right-aligned at x: it needs about 8 units a character to its left, inside the view box.
    expect(Number(label?.[1])).toBeGreaterThanOrEqual('implementable'.length * 8);
  });
});
