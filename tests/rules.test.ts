/**
 * Every rule, from fixture repositories that say which problems they must produce.
 *
 * Each folder under tests/fixtures/rules/ is a whole ideas repository. A file marks the line a
 * problem is reported on: `# expect: <rule-id>[, <rule-id>…]` at the end of a YAML line, or
 * `<!-- expect: <rule-id> -->` in Markdown. Lines that cannot carry a marker (a `---js` first
 * line, a binary file) are listed in the scenario's expected.txt as `<path>:<line> <rule-id>`.
 * The set of (file, line, rule) reported must match the markers exactly.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRepository } from '../src/read/repository.js';
import { rules } from '../src/validate/registry.js';
import { validateRepository } from '../src/validate/validate.js';
import { runCli } from './helpers/cli.js';

const FIXTURES = join(import.meta.dirname, 'fixtures', 'rules');
const TODAY = process.env.IDEAS_TODAY ?? '2026-11-24';
const MARKER =
  /(?:#|<!--)\s*expect:\s*([a-z][a-z-]*\/[a-z][a-z-]*(?:\s*,\s*[a-z][a-z-]*\/[a-z][a-z-]*)*)\s*(?:-->)?\s*$/;

const scenarios = readdirSync(FIXTURES)
  .filter((name) => statSync(join(FIXTURES, name)).isDirectory())
  .sort();

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? listFiles(path) : entry.isFile() ? [path] : [];
  });
}

/** `path:line rule` for every marker in the scenario, sorted (a multiset: a rule may repeat). */
function expectedProblems(root: string): string[] {
  const found: string[] = [];
  for (const full of listFiles(root)) {
    const path = relative(root, full).split(sep).join('/');
    const bytes = readFileSync(full);
    if (bytes.includes(0)) continue; // binary: listed in expected.txt
    const lines = bytes.toString('utf8').split(/\r?\n/);
    if (path === 'expected.txt') {
      for (const line of lines) {
        if (line.trim() === '' || line.startsWith('#')) continue;
        const match = /^(\S+):(\d+) (\S+)$/.exec(line);
        if (!match) throw new Error(`${root}/expected.txt: cannot read "${line}"`);
        found.push(`${match[1]}:${match[2]} ${match[3]}`);
      }
      continue;
    }
    lines.forEach((line, index) => {
      const match = MARKER.exec(line);
      if (!match) return;
      for (const rule of (match[1] ?? '').split(/\s*,\s*/))
        found.push(`${path}:${index + 1} ${rule}`);
    });
  }
  return found.sort();
}

async function reportedProblems(root: string): Promise<string[]> {
  const { repo } = await readRepository({ root, env: process.env });
  const problems = validateRepository(repo, { today: TODAY });
  return problems.map((p) => `${p.file}:${p.line} ${p.rule}`).sort();
}

function rulesOf(entries: string[]): Set<string> {
  return new Set(entries.map((entry) => entry.slice(entry.indexOf(' ') + 1)));
}

describe('rule fixtures', () => {
  it('has a clean scenario and a few others', () => {
    expect(scenarios).toContain('clean');
    expect(scenarios.length).toBeGreaterThan(3);
  });

  it.each(scenarios)('%s: reports exactly the marked problems', async (scenario) => {
    const root = join(FIXTURES, scenario);
    const expected = expectedProblems(root);
    if (scenario === 'clean') expect(expected).toEqual([]);
    else expect(expected.length).toBeGreaterThan(0);
    expect(await reportedProblems(root)).toEqual(expected);
  });

  it('cover every rule of the registry, and only rules of the registry', () => {
    const covered = new Set<string>();
    for (const scenario of scenarios) {
      for (const rule of rulesOf(expectedProblems(join(FIXTURES, scenario)))) covered.add(rule);
    }
    expect([...covered].sort()).toEqual(rules.map((rule) => rule.id).sort());
  });

  it('never runs the code in the ---js fixture', async () => {
    await reportedProblems(join(FIXTURES, 'front-matter'));
    expect((globalThis as { __ideasPwned?: unknown }).__ideasPwned).toBeUndefined();
  });

  it('reports the same through "ideas validate --format json", with columns and exit codes', async () => {
    const clean = await runCli(['validate', '--format', 'json'], { cwd: join(FIXTURES, 'clean') });
    expect(clean.code).toBe(0);
    expect(JSON.parse(clean.stdout)).toMatchObject({ ok: true, problems: [] });

    const root = join(FIXTURES, 'votes');
    const result = await runCli(['validate', '--format', 'json'], { cwd: root });
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as {
      ok: boolean;
      problems: { rule: string; file: string; line: number; column: number }[];
    };
    expect(report.ok).toBe(false);
    expect(report.problems.map((p) => `${p.file}:${p.line} ${p.rule}`).sort()).toEqual(
      expectedProblems(root),
    );
    // Markers sit on "key: value" lines written at the left margin.
    for (const problem of report.problems) expect(problem.column).toBe(1);
  });
});
