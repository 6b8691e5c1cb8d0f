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
import { ONE_REVIEWER_CONFIG as CONFIG } from './helpers/one-reviewer.js';

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

describe('import json: a document not shaped like an export is refused, never a crash', () => {
  const idea = {
    id: 'ship01',
    title: 'Overnight shipping',
    authors: ['tess'],
    created: '2026-11-01',
    tags: [],
    body: '## Problem\na\n\n## Proposal\nb\n\n## Evidence\nc\n',
    decisions: [],
    votes: [],
  };
  const importing = (doc: string) => {
    const root = makeRepo({ 'ideas.config.yaml': CONFIG, 'ideas/.gitkeep': '' });
    const file = join(tempDir(), 'export.json');
    writeFileSync(file, doc);
    return { root, result: runBinary(['import', 'json', file], { cwd: root }) };
  };

  it('missing fields, nulls and wrong types are each named, with their path', () => {
    const doc = JSON.stringify({
      schema: 1,
      ideas: [{}, null, { ...idea, authors: [{ login: 'x' }], tags: 'a', votes: [{}] }],
    });
    const { root, result } = importing(doc);
    expect(result.stderr).not.toContain('internal error');
    expect(result.stderr).toContain('ideas[0].authors:');
    expect(result.stderr).toContain('ideas[1]:');
    expect(result.stderr).toContain('ideas[2].authors[0]:');
    expect(result.stderr).toContain('ideas[2].tags:');
    expect(result.stderr).toContain('ideas[2].votes[0].points:');
    expect(result.code).toBe(2);
    expect(ideaFiles(root)).toEqual([]);
  });

  it('an estimate named __proto__ is refused', () => {
    const doc = `{"schema":1,"ideas":[${JSON.stringify(idea).replace('"votes":[]', '"votes":[],"estimates":{"__proto__":"x"}')}]}`;
    const { result } = importing(doc);
    expect(result.stderr).toContain('"ideas[0].estimates.__proto__" is not a name ideas takes');
    expect(result.code).toBe(2);
  });

  it('a well-shaped document still imports', () => {
    const { root, result } = importing(JSON.stringify({ schema: 1, ideas: [idea] }));
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(ideaFiles(root)).toEqual(['ship01-overnight-shipping.md']);
  });
});

describe('import: a vote count too large to be real imports no votes, with a note', () => {
  const importing = (source: string, name: string, text: string) => {
    const root = makeRepo({ 'ideas.config.yaml': CONFIG, 'ideas/.gitkeep': '' });
    const file = join(tempDir(), name);
    writeFileSync(file, text);
    return runBinary(['import', source, file, '--dry-run'], { cwd: root });
  };

  it('fider: a votes_count of 1e12', () => {
    const result = importing(
      'fider',
      'posts.csv',
      'number,title,description,created_by,created_at,status,votes_count\n1,Overnight shipping,Body,Ann,2026-01-01,open,1e12\n',
    );
    expect(result.stderr).toContain(
      'posts.csv:2 (fider 1): vote count 1000000000000 is over 10000, the most one idea takes',
    );
    expect(result.stdout).toContain('would import 1 ideas, 0 votes');
    expect(result.code).toBe(0);
  });

  it('github: a reaction count of 1e400 (Infinity once parsed)', () => {
    const issue = `{"number":1,"title":"Overnight shipping","createdAt":"2026-01-01T00:00:00Z","url":"https://github.com/o/r/issues/1","state":"OPEN","author":{"login":"ann"},"reactionGroups":[{"content":"THUMBS_UP","users":{"totalCount":1e400}}]}`;
    const result = importing('github', 'issues.json', `[${issue}]`);
    expect(result.stderr).toContain('issue #1: vote count Infinity is over 10000');
    expect(result.stdout).toContain('would import 1 ideas, 0 votes');
    expect(result.code).toBe(0);
  });
});

describe('import CSV: a note names the line the row starts on', () => {
  it('after a description over three lines and two blank lines (CRLF)', () => {
    const root = makeRepo({ 'ideas.config.yaml': CONFIG, 'ideas/.gitkeep': '' });
    const file = join(tempDir(), 'posts.csv');
    writeFileSync(
      file,
      'number,title,description,created_by,created_at,status,votes_count\r\n' +
        '1,Overnight shipping,"Orders stall.\r\nEvery night.\r\nAsk Ann.",Ann,2026-01-01,open,1\r\n' +
        '\r\n\r\n' +
        '2,,untitled,Ann,2026-01-01,open,1\r\n' +
        '3,Gift wrapping,"Wrap it",Ann,2026-01-01,open,1\r\n' +
        '4,,untitled,Ann,2026-01-01,open,1',
    );
    const result = runBinary(['import', 'fider', file, '--dry-run'], { cwd: root });
    expect(result.stderr).toContain('posts.csv:7 (fider 2): no title: skipped');
    expect(result.stderr).toContain('posts.csv:9 (fider 4): no title: skipped');
    expect(result.code).toBe(0);
  });
});
