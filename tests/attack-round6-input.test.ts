/**
 * Round 6 attacks on what the user hands in as JSON (`new --from-json`, `import json`): nothing
 * the document says may vanish without a word, and a malformed document is a usage error that
 * names where it is wrong, never an internal error.
 */
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBinary } from './helpers/cli.js';
import { makeRepo, tempDir } from './helpers/repo.js';

const CONFIG = 'version: 1\npeople:\n  tess: {emails: [test@example.com]}\nreviewers: [tess]\n';
const SECTIONS = { Problem: 'Orders stall.', Proposal: 'Ship overnight.', Evidence: 'Tickets.' };

function repoWithDraft(draft: unknown): { root: string; file: string } {
  const root = makeRepo({ 'ideas.config.yaml': CONFIG, 'ideas/.gitkeep': '' });
  const file = join(tempDir(), 'draft.json');
  // Written by hand: JSON.stringify cannot write an own "__proto__" key.
  writeFileSync(file, typeof draft === 'string' ? draft : JSON.stringify(draft));
  return { root, file };
}

const ideaFiles = (root: string) =>
  readdirSync(join(root, 'ideas')).filter((f) => f.endsWith('.md'));

describe('new --from-json refuses what it would drop', () => {
  it('an estimate named __proto__ is refused, and nothing is written', () => {
    const { root, file } = repoWithDraft(
      `{"title":"Overnight shipping for all","estimates":{"__proto__":5,"reach":3},"sections":${JSON.stringify(SECTIONS)}}`,
    );
    const result = runBinary(['new', '--from-json', file, '--yes'], { cwd: root });
    expect(result.stderr).toContain('"estimates.__proto__" is not a name ideas takes');
    expect(result.code).toBe(2);
    expect(ideaFiles(root)).toEqual([]);
  });

  it('a section named __proto__ is refused', () => {
    const { root, file } = repoWithDraft(
      `{"title":"Overnight shipping for all","sections":{"Problem":"a","Proposal":"b","Evidence":"c","__proto__":"kept?"}}`,
    );
    const result = runBinary(['new', '--from-json', file, '--yes'], { cwd: root });
    expect(result.stderr).toContain('"sections.__proto__" is not a name ideas takes');
    expect(result.code).toBe(2);
    expect(ideaFiles(root)).toEqual([]);
  });

  it('a section the template does not have is refused, naming the ones it has', () => {
    const { root, file } = repoWithDraft({
      title: 'Overnight shipping for all',
      sections: { ...SECTIONS, Risks: 'The carrier may refuse.' },
    });
    const result = runBinary(['new', '--from-json', file, '--yes'], { cwd: root });
    expect(result.stderr).toContain('"sections.Risks" is not a section of the template');
    expect(result.stderr).toContain('"Problem", "Proposal", "Evidence"');
    expect(result.code).toBe(2);
    expect(ideaFiles(root)).toEqual([]);
  });

  it('the template sections alone are still written', () => {
    const { root, file } = repoWithDraft({
      title: 'Overnight shipping for all',
      sections: SECTIONS,
    });
    const result = runBinary(['new', '--from-json', file, '--yes'], { cwd: root });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(ideaFiles(root)).toHaveLength(1);
  });
});
