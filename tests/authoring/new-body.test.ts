/** The pure parts of `ideas new`'s editor session and `--estimate`. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ESTIMATE_NAMES, checkEstimate, parseEstimateFlags } from '../../src/cli/estimates.js';
import { editorText, isEmptyBody, stripHints } from '../../src/cli/new-body.js';
import { parseTemplate } from '../../src/parse/template.js';
import { builtInTemplate } from '../../src/read/repository.js';
import { estimatesRead } from '../../src/rank/models.js';

const TEMPLATE =
  '## Why\nWhy should we care?\n<!-- not shown -->\n\n## How\nHow would it work?\nIn steps.\n';

describe('the body in one editor session', () => {
  it('opens every heading with its hint lines, and text already given under its heading', () => {
    const text = editorText(
      'Warehouse robots\u001b[31m',
      parseTemplate(TEMPLATE).sections,
      TEMPLATE,
      new Map([['How', 'Robots bring shelves.']]),
    );
    expect(text.split('\n')[0]).toBe('// Warehouse robots'); // control sequences go
    expect(text).toContain(
      '\n\n## Why\n// Why should we care?\n\n## How\n// How would it work?\n// In steps.\nRobots bring shelves.\n',
    );
    expect(stripHints(text)).toBe('## Why\n\n## How\nRobots bring shelves.\n');
  });

  it('is what the README shows for the built-in template', () => {
    const readme = readFileSync(join(import.meta.dirname, '..', '..', 'README.md'), 'utf8');
    const shown = /What the editor opens:\n\n {2}```text\n([\s\S]*?)\n {2}```\n/.exec(readme)?.[1];
    const template = builtInTemplate();
    const text = editorText(
      'Offer overnight shipping',
      parseTemplate(template).sections,
      template,
      new Map(),
    );
    expect(shown?.replace(/^ {2}/gm, '')).toBe(text.trimEnd());
  });

  it('drops // lines outside fenced code only, and CRLF line ends', () => {
    const saved =
      '// hint\r\n## Why\r\n// hint\r\nBecause.\r\n~~~\r\n// kept\r\n~~~\r\n```\r\n// kept too\r\n```\r\n  // indented: not a hint\r\n\r\n// trailing hint\r\n';
    expect(stripHints(saved)).toBe(
      '## Why\nBecause.\n~~~\n// kept\n~~~\n```\n// kept too\n```\n  // indented: not a hint\n',
    );
  });

  it('a body of headings alone is empty', () => {
    expect(isEmptyBody('')).toBe(true);
    expect(isEmptyBody('## Why\n\n## How\n<!-- x -->\n')).toBe(true);
    expect(isEmptyBody('## Why\nBecause.\n')).toBe(false);
  });
});

describe('--estimate', () => {
  it('takes each name the schema knows; the models read some of them', () => {
    expect(parseEstimateFlags(['reach=4000', ' effort = 2.5', 'confidence=0'])).toEqual({
      reach: 4000,
      effort: 2.5,
      confidence: 0,
    });
    expect(ESTIMATE_NAMES).toEqual([
      'reach',
      'impact',
      'confidence',
      'effort',
      'ease',
      'value',
      'time_criticality',
      'risk_reduction',
      'job_size',
    ]);
    for (const model of ['rice', 'ice', 'wsjf'] as const)
      for (const name of estimatesRead(model)) expect(ESTIMATE_NAMES).toContain(name);
    expect(estimatesRead('votes')).toEqual([]);
  });

  it('refuses what is not a number the idea file accepts', () => {
    expect(checkEstimate('reach', '')).toBe('must be a number');
    expect(checkEstimate('reach', '1e400')).toBe('must be a number');
    expect(checkEstimate('confidence', '1.01')).toBe('is a fraction from 0 to 1');
    expect(() => parseEstimateFlags(['__proto__=1'])).toThrow('"__proto__" is not an estimate');
    expect(() => parseEstimateFlags(['toString=1'])).toThrow('"toString" is not an estimate');
  });
});
