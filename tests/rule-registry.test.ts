/** Registry, rule files and the README's rule table stay in sync. */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { rules, rulesById } from '../src/validate/registry.js';
import type { Rule } from '../src/validate/rule.js';
import {
  RULES_END,
  RULES_START,
  renderRulesTable,
  replaceRulesTable,
} from '../src/validate/rules-table.js';
import { policyRules, policyRulesById } from '../src/policy/registry.js';
import type { PolicyRule } from '../src/policy/rule.js';
import {
  POLICY_RULES_END,
  POLICY_RULES_START,
  renderPolicyRulesTable,
  replaceAllRuleTables,
} from '../src/policy/rules-table.js';

const ROOT = join(import.meta.dirname, '..');
const RULES_DIR = join(ROOT, 'src', 'validate', 'rules');

function ruleFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return ruleFiles(path);
    return entry.isFile() && entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** `<folder>/<file-name>` of each file under src/validate/rules/. */
const fileIds = ruleFiles(RULES_DIR)
  .map((path) => relative(RULES_DIR, path).split(sep).join('/').replace(/\.ts$/, ''))
  .sort();

function readmeTable(): string {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const start = readme.indexOf(RULES_START);
  const end = readme.indexOf(RULES_END);
  expect(start).toBeGreaterThan(-1);
  expect(end).toBeGreaterThan(start);
  return readme.slice(start + RULES_START.length, end).trim();
}

describe('rule registry', () => {
  it('registers every rule file under the id <folder>/<file-name>', () => {
    expect(fileIds.length).toBeGreaterThan(0);
    for (const id of fileIds) expect(id.split('/')).toHaveLength(2);
    expect([...rulesById.keys()].sort()).toEqual(fileIds);
  });

  it('registers each rule once, with a unique id', () => {
    expect(rulesById.size).toBe(rules.length);
  });

  it.each(fileIds)('%s: its file exports the registered rule', async (id) => {
    const module = (await import(pathToFileURL(join(RULES_DIR, `${id}.ts`)).href)) as Record<
      string,
      unknown
    >;
    const exported = Object.values(module).filter(
      (value): value is Rule =>
        typeof value === 'object' && value !== null && 'id' in value && 'check' in value,
    );
    expect(exported.map((rule) => rule.id)).toContain(id);
    expect(exported.find((rule) => rule.id === id)).toBe(rulesById.get(id));
  });

  it('gives every rule a severity and a one-line description that ends a sentence', () => {
    for (const rule of rules) {
      expect(['error', 'warning']).toContain(rule.severity);
      expect(rule.description).toMatch(/^\S.*\.$/);
      expect(rule.description).not.toContain('\n');
    }
  });
});

describe("README's rule table", () => {
  it('is exactly what renderRulesTable() gives (run "npm run docs" to update it)', () => {
    expect(readmeTable()).toBe(renderRulesTable());
  });

  it('has one row per registered rule, in registry order, and no other rows', () => {
    const rows = readmeTable()
      .split('\n')
      .filter((line) => line.startsWith('| `'));
    expect(rows).toHaveLength(rules.length);
    rows.forEach((row, index) => {
      const rule = rules[index];
      expect(rule).toBeDefined();
      const match = /^\| `([^`]+)` \| (error|warning) \| (.+) \|$/.exec(row);
      expect(match, row).not.toBeNull();
      expect(match?.[1]).toBe(rule?.id);
      expect(match?.[2]).toBe(rule?.severity);
      expect(match?.[3]?.length).toBeGreaterThan(10);
    });
    // Nothing but the header, its rule line and the rows.
    expect(readmeTable().split('\n')).toHaveLength(rules.length + 2);
  });

  it('escapes what would break a Markdown table', () => {
    const table = renderRulesTable();
    for (const line of table.split('\n')) expect(line.split(/(?<!\\)\|/)).toHaveLength(5);
    expect(table).not.toMatch(/<[a-z]/);
  });

  it('replaces only the part between the markers', () => {
    const text = `# Title\n\nbefore\n${RULES_START}\nold table\n${RULES_END}\nafter\n`;
    const replaced = replaceRulesTable(text);
    expect(replaced).toBe(
      `# Title\n\nbefore\n${RULES_START}\n${renderRulesTable()}\n${RULES_END}\nafter\n`,
    );
    expect(replaceRulesTable(replaced)).toBe(replaced);
    expect(() => replaceRulesTable('no markers')).toThrow(/markers/);
  });
});

describe('policy rule registry', () => {
  const POLICY_DIR = join(ROOT, 'src', 'policy', 'rules');
  const policyFileIds = readdirSync(POLICY_DIR)
    .filter((name) => name.endsWith('.ts'))
    .map((name) => `policy/${name.replace(/\.ts$/, '')}`)
    .sort();

  function policyTable(): string {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const start = readme.indexOf(POLICY_RULES_START);
    const end = readme.indexOf(POLICY_RULES_END);
    expect(start).toBeGreaterThan(-1);
    expect(end).toBeGreaterThan(start);
    return readme.slice(start + POLICY_RULES_START.length, end).trim();
  }

  it('registers every file of src/policy/rules/ once, under policy/<file-name>', () => {
    expect(policyFileIds.length).toBeGreaterThan(0);
    expect([...policyRulesById.keys()].sort()).toEqual(policyFileIds);
    expect(policyRulesById.size).toBe(policyRules.length);
  });

  it.each(policyFileIds)('%s: its file exports the registered rule', async (id) => {
    const file = join(POLICY_DIR, `${id.slice('policy/'.length)}.ts`);
    const module = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
    const exported = Object.values(module).filter(
      (value): value is PolicyRule =>
        typeof value === 'object' && value !== null && 'id' in value && 'check' in value,
    );
    expect(exported.find((rule) => rule.id === id)).toBe(policyRulesById.get(id));
  });

  it('gives every policy rule a severity and a one-line description; supersedes only real rules', () => {
    for (const rule of policyRules) {
      expect(['error', 'warning']).toContain(rule.severity);
      expect(rule.description).toMatch(/^\S.*\.$/);
      for (const id of rule.supersedes ?? []) expect(rulesById.has(id), id).toBe(true);
    }
  });

  it("the README's policy table is exactly what renderPolicyRulesTable() gives", () => {
    expect(policyTable()).toBe(renderPolicyRulesTable());
    expect(replaceAllRuleTables(readFileSync(join(ROOT, 'README.md'), 'utf8'))).toBe(
      readFileSync(join(ROOT, 'README.md'), 'utf8'),
    );
  });
});
