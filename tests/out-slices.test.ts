// Long output in slices: the text written is the text given, in writes of about 1 MB, so a
// large document is never encoded into one buffer whole.
import { describe, expect, it } from 'vitest';
import { outInSlices } from '../src/cli/out-slices.js';
import { exportJsonPieces, type ExportDocument, type ExportedIdea } from '../src/export/export.js';

const MB = 1 << 20;

function written(pieces: Iterable<string>): string[] {
  const writes: string[] = [];
  outInSlices({ out: (text) => void writes.push(text) }, pieces);
  return writes;
}

describe('outInSlices', () => {
  it('writes the pieces in order, small ones gathered, a large one cut', () => {
    const small = Array.from({ length: 3000 }, (_, i) => `line ${i} ${'x'.repeat(i % 700)}\n`);
    const large = 'é'.repeat(2.5 * MB);
    const pieces = [...small, large, 'tail\n'];
    const writes = written(pieces);
    expect(writes.join('')).toBe(pieces.join(''));
    expect(Math.max(...writes.map((w) => w.length))).toBeLessThan(2 * MB);
    // 3000 pieces, about 1 MB, gathered into a write or two; the large one in three.
    expect(writes.length).toBeLessThanOrEqual(7);
  });

  it('writes nothing for nothing', () => {
    expect(written([])).toEqual([]);
    expect(written(['', ''])).toEqual([]);
  });
});

function idea(id: string, body: string): ExportedIdea {
  return {
    id,
    title: `"Quoted" title ${id}`,
    kind: 'idea',
    status: 'new',
    authors: ['alice', 'bob'],
    team: null,
    created: '2026-11-02',
    tags: [],
    parent: null,
    campaign: null,
    source: null,
    estimates: {},
    support: { votes: 1, points: 2 },
    body,
    path: `ideas/${id}.md`,
    votes: [
      {
        voter: 'bob',
        points: 2,
        date: '2026-11-03',
        customers: [],
        recordedBy: null,
        comment: 'Line one\nline two\t"quoted" \u2028 ünïcode',
      },
    ],
    decisions: [],
  };
}

describe('the export as JSON, an idea at a time', () => {
  it('is the text JSON.stringify gives the whole document, indented the same', () => {
    for (const ideas of [
      [],
      [idea('a1', '')],
      [idea('a1', '## Problem\nx\n'), idea('b2', '\n\n')],
    ]) {
      const doc: ExportDocument = { schema: 1, ideas };
      expect([...exportJsonPieces(doc)].join('')).toBe(`${JSON.stringify(doc, null, 2)}\n`);
    }
  });
});
