/**
 * A fast path for the front matter nearly every record has: flat `key: value` lines, one
 * level of nested mapping (`estimates:`) and short lists (`[a, b]` or `- a` lines). It gives
 * exactly what js-yaml 3's safe loader followed by front-matter.ts's normalisation gives, or
 * `undefined` for anything it does not recognise with certainty, which then goes to js-yaml.
 *
 * Certainty comes from a narrow grammar: ASCII only, no tabs, no comments, no anchors, tags,
 * block scalars, escapes, multi-line values or duplicate keys; a plain value starting with a
 * letter (never a number, date or keyword in YAML 1.2, except the null and boolean words) or
 * a digit-led word with a letter YAML's numbers never hold (`7kq3xj`) or with a space inside,
 * plain whole numbers and decimals without leading zeros, `YYYY-MM-DD` dates with a year from
 * 1000 (kept as the text written, which is what normalisation gives for real and impossible
 * dates alike) and quoted text without quotes or backslashes inside. The property test in
 * tests/parse-fast-yaml.test.ts compares it with js-yaml on generated and adversarial input.
 */

/** Far below the YAML node limit: a fast-path document can never be one js-yaml refuses. */
const MAX_FAST_LINES = 200;
const MAX_FAST_ITEMS = 500;

/** Not printable ASCII or a newline, or `#` (comments) or `\` (escapes): js-yaml decides. */
const OUTSIDE_FAST_PATH = /[^\n\x20-\x22\x24-\x5b\x5d-\x7e]/;

const KEY = /^[A-Za-z_][A-Za-z0-9_-]{0,63}$/;
/** A plain scalar in block context: a letter, then text with no `:`, `#`, quotes or brackets. */
const PLAIN_BLOCK = /^[A-Za-z][A-Za-z0-9 _.,/()!?+=&%@'-]*$/;
/** The same in a flow list, where `,` ends an item. */
const PLAIN_FLOW = /^[A-Za-z][A-Za-z0-9 _./()!?+=&%@'-]*$/;
/**
 * A word starting with a digit, as ids often do (`7kq3xj`): text unless YAML reads a number
 * in it (`0x1f`, `0o7`, `1e3`), which takes a leading 0 or no letter but `e`.
 */
const DIGIT_WORD = /^[1-9][A-Za-z0-9]*$/;
const NOT_EXPONENT = /[A-DF-Za-df-z]/;
/** Digit-led text with a space inside: no YAML number or date holds one (times hold a `:`). */
// One run of one class, the space looked for apart: `[…]* […]*` with a space in the class
// backtracks quadratically, and a 1 MiB line of "1 x x x…" then took hours.
const DIGIT_BLOCK = /^[0-9][A-Za-z0-9 _.,/()!?+=&%@'-]*$/;
const DIGIT_FLOW = /^[0-9][A-Za-z0-9 _./()!?+=&%@'-]*$/;
const INTEGER = /^(?:0|-?[1-9][0-9]{0,14})$/;
const DECIMAL = /^-?(?:0|[1-9][0-9]{0,14})\.[0-9]{1,15}$/;
const DATE = /^[1-9][0-9]{3}-[0-9]{2}-[0-9]{2}$/;
/** Printable ASCII without the quote itself or a backslash. */
const SINGLE_QUOTED = /^'([ -&(-~]*)'$/;
const DOUBLE_QUOTED = /^"([ !#-[\]-~]*)"$/;

const WORDS: ReadonlyMap<string, null | boolean> = new Map<string, null | boolean>([
  ['null', null],
  ['Null', null],
  ['NULL', null],
  ['~', null],
  ['true', true],
  ['True', true],
  ['TRUE', true],
  ['false', false],
  ['False', false],
  ['FALSE', false],
]);

/** A key js-yaml reads as null or a boolean and stores under another spelling. */
function isRenamedWord(key: string): boolean {
  return WORDS.has(key) && String(WORDS.get(key)) !== key;
}

/** Sentinel for "not certain": js-yaml decides. */
const UNSURE = Symbol('unsure');
type Scalar = string | number | boolean | null;

function scalar(text: string, flow: boolean): Scalar | typeof UNSURE {
  const word = WORDS.get(text);
  if (word !== undefined) return word;
  if ((flow ? PLAIN_FLOW : PLAIN_BLOCK).test(text)) return text.endsWith(' ') ? UNSURE : text;
  if (text.includes(' ') && (flow ? DIGIT_FLOW : DIGIT_BLOCK).test(text))
    return text.endsWith(' ') ? UNSURE : text;
  if (INTEGER.test(text) || DECIMAL.test(text)) return Number(text);
  if (DIGIT_WORD.test(text)) return NOT_EXPONENT.test(text) ? text : UNSURE;
  if (DATE.test(text)) return text;
  const quoted = SINGLE_QUOTED.exec(text) ?? DOUBLE_QUOTED.exec(text);
  if (quoted) return quoted[1] ?? UNSURE;
  return UNSURE;
}

function flowList(text: string): Scalar[] | typeof UNSURE {
  const inner = text.slice(1, -1).trim();
  if (inner === '') return [];
  const items: Scalar[] = [];
  for (const part of inner.split(',')) {
    const item = part.trim();
    // An empty item (`[a,,b]`, `[a,]`) or a quoted one holding a comma: js-yaml decides.
    if (item === '' || item.startsWith("'") !== item.endsWith("'")) return UNSURE;
    if (item.startsWith('"') !== item.endsWith('"')) return UNSURE;
    const value = scalar(item, true);
    if (value === UNSURE) return UNSURE;
    items.push(value);
  }
  return items;
}

function value(text: string): Scalar | Scalar[] | typeof UNSURE {
  if (text.startsWith('[')) return text.endsWith(']') ? flowList(text) : UNSURE;
  return scalar(text, false);
}

function indentOf(line: string): number {
  let i = 0;
  while (line.charCodeAt(i) === 32) i++;
  return i;
}

/** `key: value` or `key:` split at its colon, or undefined when the line is anything else. */
function splitPair(line: string, from: number): [string, string] | undefined {
  const colon = line.indexOf(':', from);
  if (colon === -1) return undefined;
  const key = line.slice(from, colon);
  // js-yaml stores a key as String(scalar): `Null:` is the key "null", `TRUE:` is "true".
  if (!KEY.test(key) || key === '__proto__' || isRenamedWord(key)) return undefined;
  const rest = line.slice(colon + 1);
  if (rest !== '' && !rest.startsWith(' ')) return undefined;
  return [key, rest.trim()];
}

/**
 * The front matter as plain data, or undefined when js-yaml must read it. `yaml` is the text
 * between the fences, with `\n` line ends and no byte-order mark (parseFrontMatter's doing).
 */
export function parseSimpleYaml(yaml: string): Record<string, unknown> | undefined {
  // Anything outside printable ASCII and newlines (tabs, control characters, Unicode) or a
  // character that starts YAML's harder constructs anywhere: js-yaml decides.
  if (OUTSIDE_FAST_PATH.test(yaml)) return undefined;
  const lines = yaml.split('\n');
  if (lines.length > MAX_FAST_LINES) return undefined;
  const result: Record<string, unknown> = {};
  let items = 0;
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] ?? '';
    i++;
    if (line.trim() === '') continue;
    if (line.startsWith(' ')) return undefined;
    const pair = splitPair(line, 0);
    if (!pair) return undefined;
    const [key, text] = pair;
    if (Object.prototype.hasOwnProperty.call(result, key)) return undefined;
    if (text !== '') {
      const parsed = value(text);
      if (parsed === UNSURE) return undefined;
      items += Array.isArray(parsed) ? parsed.length + 1 : 1;
      result[key] = parsed;
      continue;
    }
    // `key:` alone: a nested block follows, or the value is null.
    const block = readBlock(lines, i);
    if (block === UNSURE) return undefined;
    i = block.next;
    items += block.items;
    result[key] = block.value;
    if (items > MAX_FAST_ITEMS) return undefined;
  }
  if (items > MAX_FAST_ITEMS) return undefined;
  return items === 0 ? undefined : result;
}

interface Block {
  value: unknown;
  next: number;
  items: number;
}

/** The lines after `key:` up to the next line at the left margin: a mapping or a `- ` list. */
function readBlock(lines: readonly string[], start: number): Block | typeof UNSURE {
  let end = start;
  while (end < lines.length) {
    const line = lines[end] ?? '';
    // YAML lets a list under a key start at the key's own column: `tags:\n- a`.
    if (line !== '' && !line.startsWith(' ') && !line.startsWith('- ') && line !== '-') break;
    end++;
  }
  // Trailing blank lines belong to what follows, not to the block.
  while (end > start && (lines[end - 1] ?? '').trim() === '') end--;
  if (end === start) return { value: null, next: start, items: 1 };
  const first = lines[start] ?? '';
  const indent = indentOf(first);
  const isList = first.startsWith('-', indent);
  const mapping: Record<string, unknown> = {};
  const list: Scalar[] = [];
  for (let j = start; j < end; j++) {
    const line = lines[j] ?? '';
    if (line.trim() === '') continue;
    if (indentOf(line) !== indent) return UNSURE;
    if (isList) {
      if (!line.startsWith('- ', indent)) return UNSURE;
      const parsed = scalar(line.slice(indent + 2).trim(), false);
      if (parsed === UNSURE || line.endsWith(' ')) return UNSURE;
      list.push(parsed);
    } else {
      const pair = splitPair(line, indent);
      if (!pair || pair[1] === '' || pair[1].startsWith('[')) return UNSURE;
      if (Object.prototype.hasOwnProperty.call(mapping, pair[0])) return UNSURE;
      const parsed = scalar(pair[1], false);
      if (parsed === UNSURE) return UNSURE;
      mapping[pair[0]] = parsed;
    }
  }
  const items = isList ? list.length + 1 : Object.keys(mapping).length * 2 + 1;
  return { value: isList ? list : mapping, next: end, items };
}
