/**
 * Splits a record file into YAML front matter and Markdown body, safely.
 *
 * Every front-matter parse in `ideas` goes through here. The YAML engine is gray-matter's own
 * (js-yaml 3 in its safe mode: no `!!js/function`), the fastest one measured (README). We do
 * not call gray-matter's `matter()` wrapper: it evaluates `---js` front matter with `eval` by
 * default (and `engines: {js: false}` does not stop it), caches by input when given no options,
 * and cost 0.5 s of 1.3 s on the 115,000-file benchmark. The fence is split here instead, and
 * any language after the opening fence other than YAML is refused before anything parses it.
 */
import matter from 'gray-matter';
import { parseSimpleYaml } from './fast-yaml.js';

/** Parsing stops past this many YAML nodes: a record has a few dozen. */
const MAX_YAML_NODES = 10_000;

export interface FrontMatterProblem {
  rule: string;
  line: number;
  column: number;
  message: string;
}

export interface FrontMatter {
  /** The mapping, or undefined when the front matter is missing or broken. */
  data: Record<string, unknown> | undefined;
  /** The YAML source between the fences, lines as in the file from `yamlLine`. */
  yaml: string;
  /** File line (1-based) of the first YAML line. */
  yamlLine: number;
  body: string;
  /** File line (1-based) where the body starts. */
  bodyLine: number;
  problems: FrontMatterProblem[];
}

class TooManyNodes extends Error {}

// `matter.engines` is gray-matter's public table of engines; its types omit it.
const jsYamlSafeLoad = (
  matter as unknown as { engines: { yaml: { parse: (text: string, options: object) => unknown } } }
).engines.yaml.parse;

/** The parts of js-yaml's loader state its listener sees and that we read or correct. */
interface LoaderState {
  input: string;
  position: number;
  result: unknown;
  anchor: string | null;
  anchorMap: Record<string, unknown>;
}

function parseYaml(text: string): unknown {
  let nodes = 0;
  const starts: number[] = [];
  return jsYamlSafeLoad(text, {
    // The listener sees every node as it is composed, so a document with a huge node count
    // (an alias bomb, a generated monster) stops early instead of after allocation.
    listener(event: string, state: LoaderState) {
      if (event === 'open') {
        if (++nodes > MAX_YAML_NODES) throw new TooManyNodes();
        starts.push(state.position);
        return;
      }
      const start = starts.pop() ?? state.position;
      if (state.result instanceof Date) keepImpossibleDate(state, start);
    },
  });
}

/**
 * js-yaml rolls an impossible date over (2026-02-30 becomes 2026-03-02, 2026-13-01 a day in
 * 2027): keep such a date as the text written, so the schema reports it instead of using another day.
 */
function keepImpossibleDate(state: LoaderState, start: number): void {
  const date = state.result as Date;
  const written = DATE_ONLY.exec(state.input.slice(start, state.position));
  if (!written) return; // a timestamp with a time: js-yaml rejects impossible ones itself
  const [text, year, month, day] = written;
  if (
    !Number.isNaN(date.getTime()) &&
    date.getUTCFullYear() === Number(year) &&
    date.getUTCMonth() + 1 === Number(month) &&
    date.getUTCDate() === Number(day)
  ) {
    return;
  }
  state.result = text;
  if (state.anchor !== null) state.anchorMap[state.anchor] = text;
}

/** A date alone as written (after an optional quote-less key's colon): `2026-02-30`. */
const DATE_ONLY = /(?<![\d-])(\d{4})-(\d{2})-(\d{2})(?![\d:T ]*\d)/;

const FENCE = /^---([^\n]*)\n/;
const CLOSING_FENCE = /^---[ \t]*$/m;

export interface ParseOptions {
  /** Off: every front matter goes through js-yaml (the property test's reference). */
  fastPath?: boolean;
}

export function parseFrontMatter(input: string, options: ParseOptions = {}): FrontMatter {
  // A BOM or CRLF endings from a Windows editor must not change what the file means.
  let text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  if (text.includes('\r')) text = text.replace(/\r\n?/g, '\n');

  const empty = (problem: FrontMatterProblem): FrontMatter => ({
    data: undefined,
    yaml: '',
    yamlLine: 2,
    body: text,
    bodyLine: 1,
    problems: [problem],
  });

  const open = FENCE.exec(text);
  if (!open) {
    return empty({
      rule: 'front-matter/missing',
      line: 1,
      column: 1,
      message: 'no front matter: start the file with a line "---", the YAML fields, then "---"',
    });
  }
  const language = (open[1] ?? '').trim().toLowerCase();
  if (language !== '' && language !== 'yaml' && language !== 'yml') {
    return empty({
      rule: 'front-matter/engine',
      line: 1,
      column: 4,
      message: `front matter in "${language}" is refused: only YAML is read (and nothing in it is ever run); write "---" on the first line`,
    });
  }
  const afterOpen = open[0].length;
  const close = CLOSING_FENCE.exec(text.slice(afterOpen));
  if (!close) {
    return empty({
      rule: 'front-matter/unclosed',
      line: 1,
      column: 1,
      message: 'the front matter is never closed: add a line "---" after the last field',
    });
  }
  const yaml = text.slice(afterOpen, afterOpen + close.index);
  const yamlLine = 2;
  const bodyStart = afterOpen + close.index + close[0].length + 1;
  const body = text.slice(bodyStart);
  // `yaml` ends with the newline before the closing fence, so its line count reaches the body.
  const bodyLine = yamlLine + countLines(yaml);
  const result: FrontMatter = { data: undefined, yaml, yamlLine, body, bodyLine, problems: [] };

  // gray-matter ends the block at the first line starting with "---", even "----" or "---x":
  // the fields after it would be dropped without a word.
  const stray = /^---/m.exec(yaml);
  if (stray) {
    result.problems.push({
      rule: 'front-matter/yaml',
      line: yamlLine + countLines(yaml.slice(0, stray.index)) - 1,
      column: 1,
      message:
        'a line starting with "---" inside the front matter: remove it, or indent it if it belongs to a value',
    });
    return result;
  }

  // Most records are plain `key: value` lines: read those without js-yaml (fast-yaml.ts).
  const simple = options.fastPath === false ? undefined : parseSimpleYaml(yaml);
  if (simple) {
    result.data = simple;
    return result;
  }
  let parsed: unknown;
  try {
    parsed = parseYaml(yaml);
  } catch (error) {
    result.problems.push(describeYamlError(error, yamlLine));
    return result;
  }
  if (
    parsed === null ||
    parsed === undefined ||
    (typeof parsed === 'object' && !(parsed instanceof Date) && isEmpty(parsed))
  ) {
    result.problems.push({
      rule: 'front-matter/not-mapping',
      line: 1,
      column: 1,
      message: 'the front matter is empty: add the fields this kind of file needs',
    });
    return result;
  }
  if (typeof parsed !== 'object' || Array.isArray(parsed) || parsed instanceof Date) {
    result.problems.push({
      rule: 'front-matter/not-mapping',
      line: yamlLine,
      column: 1,
      message: 'the front matter must be a mapping of fields ("key: value" lines)',
    });
    return result;
  }
  if (!normalise(parsed, new Set())) {
    result.problems.push({
      rule: 'front-matter/alias',
      line: locateAlias(yaml, yamlLine),
      column: 1,
      message:
        'YAML anchors and aliases (&name, *name) are not allowed in front matter: write the values out',
    });
    return result;
  }
  result.data = parsed as Record<string, unknown>;
  return result;
}

function isEmpty(value: object): boolean {
  for (const _ in value) return false;
  return !Array.isArray(value) || value.length === 0;
}

function countLines(text: string): number {
  let lines = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lines++;
  return lines;
}

/**
 * Makes freshly parsed YAML plain data, in place: dates become `YYYY-MM-DD` strings (js-yaml reads
 * YAML 1.1 timestamps as Date); `__proto__` stays an own data key (js-yaml defines it so). Returns
 * false when an object is met twice (only an alias can do that), before anything downstream
 * walks an alias bomb.
 */
function normalise(value: object, seen: Set<object>): boolean {
  if (seen.has(value)) return false;
  seen.add(value);
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    const item = record[key];
    if (item instanceof Date) {
      // defineProperty, not assignment: a `__proto__` key must stay data, never a prototype.
      if (key === '__proto__')
        Object.defineProperty(record, key, {
          value: formatDate(item),
          enumerable: true,
          writable: true,
          configurable: true,
        });
      else record[key] = formatDate(item);
    } else if (item !== null && typeof item === 'object' && !normalise(item, seen)) {
      return false;
    }
  }
  return true;
}

function formatDate(date: Date): string {
  const time = date.getTime();
  if (Number.isNaN(time)) return 'invalid date';
  if (time % 86_400_000 !== 0) return date.toISOString();
  // Most dates are whole days: format them without building an ISO string first.
  const month = date.getUTCMonth() + 1;
  const day = date.getUTCDate();
  return `${date.getUTCFullYear()}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
}

function describeYamlError(error: unknown, yamlLine: number): FrontMatterProblem {
  if (error instanceof TooManyNodes) {
    return {
      rule: 'front-matter/too-large',
      line: yamlLine,
      column: 1,
      message: `the front matter has more than ${MAX_YAML_NODES} YAML nodes: keep records to their fields`,
    };
  }
  if (error instanceof RangeError) {
    // js-yaml recurses per level: thousands of nested brackets exhaust the stack.
    return {
      rule: 'front-matter/too-large',
      line: yamlLine,
      column: 1,
      message: 'the front matter nests too deep to read: records hold flat fields and short lists',
    };
  }
  const yamlError = error as { reason?: string; mark?: { line: number; column: number } };
  const reason = yamlError.reason ?? String(error);
  const line = yamlError.mark ? yamlError.mark.line + yamlLine : yamlLine;
  const column = yamlError.mark ? yamlError.mark.column + 1 : 1;
  if (reason.startsWith('duplicated mapping key')) {
    return {
      rule: 'front-matter/duplicate-key',
      line,
      column,
      message: 'this key appears twice in the front matter: keep one',
    };
  }
  return {
    rule: 'front-matter/yaml',
    line: Math.max(line, yamlLine),
    column,
    message: `the front matter is not valid YAML (${reason}): fix the syntax at this place`,
  };
}

function locateAlias(yaml: string, yamlLine: number): number {
  const lines = yaml.split('\n');
  const index = lines.findIndex((line) => /(^|[\s[{,:-])[*&][^\s]/.test(line));
  return index === -1 ? yamlLine : yamlLine + index;
}

/**
 * Where a field is written in the front matter, for messages about it. `path` is the key path,
 * e.g. `['estimates', 'reach']`; falls back to the parent key, then the first YAML line.
 */
export function locateField(
  fm: Pick<FrontMatter, 'yaml' | 'yamlLine'>,
  path: readonly (string | number)[],
): { line: number; column: number } {
  const { lines, firstLineOf } = indexOf(fm.yaml);
  let found = { line: fm.yamlLine, column: 1 };
  let from = 0;
  let indent = -1;
  for (const key of path) {
    if (typeof key === 'number') break;
    let hit = -1;
    // The first key, looked up: a file with thousands of unknown keys stays linear.
    const known = indent === -1 ? firstLineOf.get(key) : undefined;
    if (known !== undefined && keyAt(lines[known] ?? '', leadingSpace(lines[known] ?? ''), key))
      from = known;
    for (let i = from; i < lines.length; i++) {
      const line = lines[i] ?? '';
      const lead = leadingSpace(line);
      if (lead > indent && keyAt(line, lead, key)) {
        hit = i;
        indent = lead;
        found = { line: fm.yamlLine + i, column: indent + 1 };
        break;
      }
      // A line at or left of the parent's indentation ends the parent's block.
      if (indent >= 0 && lead < line.length && lead <= indent) break;
    }
    if (hit === -1) break;
    from = hit + 1;
  }
  return found;
}

function leadingSpace(line: string): number {
  let i = 0;
  while (i < line.length && /\s/.test(line[i] ?? '')) i++;
  return i;
}

/**
 * Whether `line` writes `key` (optionally quoted, optionally as a list item) at `start`. Plain
 * string comparison: a key is never made into a regular expression, however long or odd.
 */
function keyAt(line: string, start: number, key: string): boolean {
  let at = start;
  if (line.startsWith('- ', at)) at += 2;
  if (line[at] === '"' || line[at] === "'") at++;
  if (!line.startsWith(key, at)) return false;
  at += key.length;
  if (line[at] === '"' || line[at] === "'") at++;
  while (line[at] === ' ' || line[at] === '\t') at++;
  return line[at] === ':';
}

interface LineIndex {
  lines: string[];
  /** Each key written at the start of a line (as keyAt reads it) -> its first line. */
  firstLineOf: Map<string, number>;
}

let lastIndex: { yaml: string; index: LineIndex } | undefined;

/** The lines of a front matter and where each key first appears, built once per text. */
function indexOf(yaml: string): LineIndex {
  if (lastIndex?.yaml === yaml) return lastIndex.index;
  const lines = yaml.split('\n');
  const firstLineOf = new Map<string, number>();
  lines.forEach((line, i) => {
    let at = leadingSpace(line);
    if (line.startsWith('- ', at)) at += 2;
    const colon = line.indexOf(':', at);
    if (colon === -1) return;
    const key = line
      .slice(at, colon)
      .trimEnd()
      .replace(/^["']|["']$/g, '');
    if (!firstLineOf.has(key)) firstLineOf.set(key, i);
  });
  const index = { lines, firstLineOf };
  lastIndex = { yaml, index };
  return index;
}
