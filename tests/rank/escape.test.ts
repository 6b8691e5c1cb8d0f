/** The escapes for CSV, Markdown and terminal columns, cell by cell. */
import { describe, expect, it } from 'vitest';
import { displayWidth, layoutTable, truncate, wrapLine } from '../../src/format/columns.js';
import { csvCell, csvRow, markdownCell } from '../../src/format/escape.js';

describe('csvCell', () => {
  it('prefixes text that a spreadsheet would run as a formula', () => {
    expect(csvCell('\u001b[2Jtitle\u0007')).toBe('title\ufffd'); // control characters never reach a cell
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('+cmd')).toBe("'+cmd");
    expect(csvCell('-2')).toBe("'-2");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tx')).toBe("'\tx");
    expect(csvCell('plain')).toBe('plain');
  });

  it('quotes commas, quotes and line breaks (RFC 4180); numbers stay numbers', () => {
    expect(csvCell('a, "b"\nc')).toBe('"a, ""b""\nc"');
    expect(csvCell('=HYPERLINK("x","y")')).toBe('"\'=HYPERLINK(""x"",""y"")"');
    expect(csvCell(-1)).toBe('-1');
    expect(csvCell(null)).toBe('');
    expect(csvRow(['a', 1, null])).toBe('a,1,\r\n');
  });
});

describe('markdownCell', () => {
  it('escapes pipes and backslashes, flattens line breaks, defuses HTML', () => {
    expect(markdownCell('a | b')).toBe('a \\| b');
    expect(markdownCell('a \\| b')).toBe('a \\\\\\| b');
    expect(markdownCell('one\ntwo\r\nthree')).toBe('one two three');
    expect(markdownCell('<script>alert(1)</script>')).toBe('\\<script\\>alert\\(1\\)\\</script\\>');
    expect(markdownCell('[approve](https://evil.example) \u001b[2J\u202e')).toBe(
      '\\[approve\\]\\(https://evil.example\\) \ufffd', // the escape sequence goes, the bidi override shows
    );
  });
});

describe('terminal columns', () => {
  it('counts wide characters as two columns and colour codes as none', () => {
    expect(displayWidth('日本')).toBe(4);
    expect(displayWidth('é')).toBe(1);
    expect(displayWidth('\u001b[1mab\u001b[22m')).toBe(2);
  });

  it('truncates to the width with an ellipsis, keeping colour codes whole', () => {
    expect(truncate('abcdef', 4)).toBe('abc…');
    expect(truncate('日本語テキスト', 5)).toBe('日本…');
    expect(truncate('\u001b[2mabcdef\u001b[22m', 4)).toBe('\u001b[2mabc…\u001b[22m');
  });

  it('gives the flexible column what is left of the width', () => {
    const lines = layoutTable(
      [{ header: 'id' }, { header: 'title', flex: true }, { header: 'n', align: 'right' }],
      [['abc', 'x'.repeat(100), '7']],
      30,
    );
    expect(lines).toEqual(['id   title                   n', `abc  ${'x'.repeat(21)}…  7`]);
  });

  it('wraps words, keeping the indent', () => {
    expect(wrapLine('  one two three four', 12)).toEqual(['  one two', '  three four']);
  });

  it('never cuts a URL: a word longer than the line stays whole on its own line', () => {
    const url = 'https://example.com/a/very/long/path/that/does/not/fit?query=1#here';
    expect(wrapLine(`  see ${url} for more`, 30)).toEqual(['  see', `  ${url}`, '  for more']);
  });
});
