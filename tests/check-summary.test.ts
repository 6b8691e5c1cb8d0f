/** The job summary's cap and escaping, and validate's GitLab Code Quality report. */
import { describe, expect, it } from 'vitest';
import { formatCheckSummary, SUMMARY_LIMIT_BYTES } from '../src/format/check-summary.js';
import type { CheckReport } from '../src/format/check.js';
import { runCli } from './helpers/cli.js';
import { makeRepo } from './helpers/repo.js';
import { BASE_TREE, voteText } from './helpers/forge.js';

const empty = {
  model: 'votes',
  ideasAdded: [],
  votesCast: [],
  votesRetracted: [],
  decisions: [],
  ideas: [],
  merges: true,
};

describe('the check summary', () => {
  it('stays under 1 MiB and says how many problems it leaves out', () => {
    const problems = Array.from({ length: 20_000 }, (_, i) => ({
      rule: 'vote/unknown-voter',
      severity: 'error' as const,
      file: `votes/chat22/v${i}.md`,
      line: 3,
      column: 1,
      message: `voter v${i} is not listed under people; `.repeat(3),
    }));
    const report: CheckReport = {
      base: 'origin/main',
      head: 'a'.repeat(40),
      mergeBase: 'b'.repeat(40),
      actor: { handle: 'erin', source: '--actor', people: [] },
      changes: [],
      problems,
    };
    const text = formatCheckSummary(report, empty);
    expect(new TextEncoder().encode(text).length).toBeLessThan(SUMMARY_LIMIT_BYTES);
    const shown = text.split('\n').filter((l) => l.startsWith('| votes/')).length;
    expect(shown).toBeGreaterThan(1000);
    expect(shown).toBeLessThan(20_000);
    expect(text).toContain(`${20_000 - shown} more not shown`);
    expect(text).toContain('### Problems (20000)');
  });

  it('escapes what the files say', () => {
    const report: CheckReport = {
      base: 'origin/main',
      head: 'a'.repeat(40),
      mergeBase: 'b'.repeat(40),
      actor: { handle: undefined, source: 'commit authors', people: ['x<script>'] },
      changes: [],
      problems: [],
    };
    const text = formatCheckSummary(report, {
      ...empty,
      ideas: [{ id: 'abc123', title: '<img src=x onerror=alert(1)> | [link](http://x)' }],
    });
    expect(text).not.toMatch(/(?<!\\)<(img|script)/);
    expect(text).toContain('\\<img src=x onerror=alert\\(1\\)\\> \\| \\[link\\]\\(http://x\\)');
  });
});

describe('validate --format gitlab', () => {
  it('writes a Code Quality report, one issue a problem', async () => {
    const root = makeRepo({ ...BASE_TREE, 'votes/chat22/zed.md': voteText('chat22', 'zed') });
    const result = await runCli(['validate', '--format', 'gitlab'], { cwd: root });
    expect(result.code).toBe(0); // An unknown voter is a warning.
    const issues = JSON.parse(result.stdout) as { check_name: string; severity: string }[];
    expect(issues).toEqual([
      expect.objectContaining({
        check_name: 'vote/unknown-voter',
        severity: 'minor',
        location: { path: 'votes/chat22/zed.md', lines: { begin: expect.any(Number) } },
      }),
    ]);
  });
});
