/**
 * Reads `ideas.config.yaml` with the `yaml` package: it keeps node positions, so every
 * problem points at its line and column, and it bounds alias expansion.
 */
import type { z } from 'zod';
import {
  LineCounter,
  isMap,
  isScalar,
  isSeq,
  parseDocument,
  visit,
  type Document,
  type Pair,
  type YAMLMap,
} from 'yaml';
import { configSchema, type Config } from '../schema/config.js';
import { handleKey } from '../model/people.js';
import type { Problem } from '../model/types.js';

import { CONFIG_FILE } from '../model/layout.js';

export interface ConfigResult {
  config: Config | undefined;
  problems: Problem[];
}

export function parseConfig(text: string, file = CONFIG_FILE): ConfigResult {
  const lineCounter = new LineCounter();
  // Duplicate keys are found below in one pass: the library's own check (uniqueKeys) compares
  // every key with every other, quadratic in a mapping's size.
  const doc = parseDocument(text, { lineCounter, uniqueKeys: false, prettyErrors: false });
  const at = (offset: number | undefined) => {
    const pos = lineCounter.linePos(offset ?? 0);
    return { line: pos.line, column: pos.col };
  };
  const problems: Problem[] = [];
  const problem = (
    offset: number | undefined,
    message: string,
    severity: Problem['severity'] = 'error',
  ) => problems.push({ rule: 'config/invalid', severity, file, ...at(offset), message });

  for (const error of doc.errors)
    problem(error.pos[0], `not valid YAML: ${firstLine(error.message)}`);
  for (const duplicate of duplicateKeys(doc))
    problem(duplicate.offset, `"${duplicate.key}" appears twice: keep one`);
  if (problems.length > 0) return { config: undefined, problems };

  let raw: unknown;
  try {
    raw = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    problem(0, `cannot be read: ${(error as Error).message}`);
    return { config: undefined, problems };
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    problem(0, 'must be a mapping of settings, starting with "version: 1"');
    return { config: undefined, problems };
  }

  for (const unknown of unknownSettings(doc.contents, configSchema, []))
    problem(
      unknown.offset,
      `unknown setting "${unknown.path.join('.')}": remove it or check its spelling`,
      'warning',
    );

  const nodes = new NodeIndex(doc);
  const parsed = configSchema.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path.map(String);
      problem(nodes.offsetOf(issue.path), `${path.join('.') || 'config'} ${describeIssue(issue)}`);
    }
    return { config: undefined, problems };
  }
  const config = parsed.data;
  for (const message of crossCheck(config)) problem(nodes.offsetOf(message.path), message.text);
  return { config: problems.some((p) => p.severity === 'error') ? undefined : config, problems };
}

function firstLine(text: string): string {
  return text.split('\n')[0] ?? text;
}

function nodeOffset(node: unknown): number | undefined {
  return (node as { range?: [number, number, number] } | null)?.range?.[0];
}

function keyText(key: unknown): string {
  return String(isScalar(key) ? key.value : key);
}

/** Every key met a second time in its mapping, in one pass over each mapping's keys. */
function duplicateKeys(doc: Document): { key: string; offset: number | undefined }[] {
  const found: { key: string; offset: number | undefined }[] = [];
  visit(doc, {
    Map(_, map) {
      const seen = new Set<string>();
      for (const pair of map.items) {
        const key = keyText(pair.key);
        if (seen.has(key)) found.push({ key, offset: nodeOffset(pair.key) });
        seen.add(key);
      }
    },
  });
  return found;
}

/** The zod schema under wrappers that do not change which keys a mapping may hold. */
function unwrap(schema: z.core.$ZodType): z.core.$ZodType {
  let at = schema;
  for (;;) {
    const def = at._zod.def;
    if (def.type === 'default' || def.type === 'optional' || def.type === 'nullable')
      at = (def as z.core.$ZodDefaultDef).innerType;
    else if (def.type === 'pipe') at = (def as z.core.$ZodPipeDef).in;
    else return at;
  }
}

/** Keys the schema has no place for, at any depth (`ranking: {modle: rice}`): a typo is silent otherwise. */
function unknownSettings(
  node: unknown,
  schema: z.core.$ZodType,
  path: string[],
): { path: string[]; offset: number | undefined }[] {
  const inner = unwrap(schema);
  const def = inner._zod.def;
  if (!isMap(node)) return [];
  const found: { path: string[]; offset: number | undefined }[] = [];
  if (def.type === 'object') {
    const shape = (def as z.core.$ZodObjectDef).shape;
    for (const pair of node.items) {
      const key = keyText(pair.key);
      const child = Object.hasOwn(shape, key) ? shape[key] : undefined;
      if (child === undefined) found.push({ path: [...path, key], offset: nodeOffset(pair.key) });
      else found.push(...unknownSettings(pair.value, child, [...path, key]));
    }
  } else if (def.type === 'record') {
    const value = (def as z.core.$ZodRecordDef).valueType;
    for (const pair of node.items)
      found.push(...unknownSettings(pair.value, value, [...path, keyText(pair.key)]));
  }
  return found;
}

/**
 * Where each path is written: the deepest node that exists along it, so a missing key points
 * at its parent. Each mapping's keys are indexed once, so thousands of issues stay linear.
 */
class NodeIndex {
  private readonly keys = new WeakMap<YAMLMap, Map<string, Pair>>();
  constructor(private readonly doc: Document) {}

  offsetOf(path: readonly PropertyKey[]): number | undefined {
    let node: unknown = this.doc.contents;
    let offset = nodeOffset(node);
    for (const step of path) {
      let next: unknown;
      if (isMap(node)) {
        const pair = this.index(node).get(String(step));
        next = pair?.value ?? pair?.key;
        if (pair && (pair.value === null || nodeOffset(pair.value) === undefined)) next = pair.key;
      } else if (isSeq(node) && /^\d+$/.test(String(step))) next = node.items[Number(step)];
      const nextOffset = nodeOffset(next);
      if (nextOffset === undefined) break;
      node = next;
      offset = nextOffset;
    }
    return offset;
  }

  private index(map: YAMLMap): Map<string, Pair> {
    let keys = this.keys.get(map);
    if (!keys) {
      keys = new Map();
      for (const pair of map.items) {
        const key = keyText(pair.key);
        if (!keys.has(key)) keys.set(key, pair);
      }
      this.keys.set(map, keys);
    }
    return keys;
  }
}

/** A zod issue in the user's words: zod's own texts ("Too small: expected number to be >0") are for programmers. */
export function describeIssue(issue: z.core.$ZodIssue): string {
  // Our schemas' own messages start in lower case and are already meant for the user.
  if (!/^[A-Z]/.test(issue.message)) return issue.message;
  switch (issue.code) {
    case 'too_small': {
      const minimum = Number(issue.minimum);
      if (issue.origin === 'number')
        return issue.inclusive
          ? `must be ${minimum} or more`
          : Number.isInteger(minimum)
            ? `must be ${minimum + 1} or more`
            : `must be more than ${minimum}`;
      if (issue.origin === 'string')
        return minimum <= 1 ? 'must not be empty' : `must be at least ${minimum} characters`;
      return `must hold at least ${minimum} item${minimum === 1 ? '' : 's'}`;
    }
    case 'too_big': {
      const maximum = Number(issue.maximum);
      if (issue.origin === 'number')
        return issue.inclusive ? `must be ${maximum} or less` : `must be less than ${maximum}`;
      if (issue.origin === 'string') return `must be at most ${maximum} characters`;
      return `must hold at most ${maximum} items`;
    }
    case 'invalid_type':
      return issue.expected === 'int'
        ? 'must be a whole number'
        : `must be ${TYPE_WORDS[issue.expected] ?? issue.expected}`;
    case 'invalid_value':
      return issue.values.length === 1
        ? `must be ${String(issue.values[0])}`
        : `must be one of ${issue.values.map(String).join(', ')}`;
    case 'invalid_key': {
      const reason = issue.issues[0]?.message;
      return reason && !/^[A-Z]/.test(reason)
        ? `is not a valid name: it ${reason}`
        : 'is not a valid name';
    }
    case 'invalid_format':
      return 'is not written the right way';
    default:
      return 'is not a valid value';
  }
}

const TYPE_WORDS: Record<string, string> = {
  number: 'a number',
  string: 'text',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping of settings',
  record: 'a mapping of settings',
};

/** Settings that are each well-formed but do not fit together. */
function crossCheck(config: Config): { path: string[]; text: string }[] {
  const found: { path: string[]; text: string }[] = [];
  for (const [name, team] of Object.entries(config.teams)) {
    if (team.parent !== undefined && !Object.hasOwn(config.teams, team.parent)) {
      found.push({
        path: ['teams', name, 'parent'],
        text: `team "${name}" has unknown parent "${team.parent}": add it under teams`,
      });
    }
  }
  // Each team is walked once (linear, however deep the hierarchy); a walk that meets itself
  // found a cycle, and only the teams on it are reported.
  const state = new Map<string, 'walking' | 'done'>();
  for (const start of Object.keys(config.teams)) {
    const path: string[] = [];
    let at: string | undefined = start;
    while (at !== undefined && Object.hasOwn(config.teams, at) && !state.has(at)) {
      state.set(at, 'walking');
      path.push(at);
      at = config.teams[at]?.parent;
    }
    if (at !== undefined && state.get(at) === 'walking') {
      for (const name of path.slice(path.indexOf(at))) {
        found.push({
          path: ['teams', name],
          text: `team "${name}" is its own ancestor: break the cycle of parents`,
        });
      }
    }
    for (const name of path) state.set(name, 'done');
  }

  // One person, one entry: handles are compared without case and an email names one person
  // (model/people.ts), so a second spelling or a shared email would make a record's team, or
  // whose vote `ideas vote` writes, depend on which entry it meets first.
  const handleOwner = new Map<string, string>();
  const emailOwner = new Map<string, string>();
  for (const [handle, person] of Object.entries(config.people)) {
    const first = handleOwner.get(handleKey(handle));
    if (first === undefined) handleOwner.set(handleKey(handle), handle);
    else
      found.push({
        path: ['people', handle],
        text: `"${handle}" is "${first}" again: handles ignore case, as forge logins do; keep one entry`,
      });
    for (const email of person.emails) {
      const owner = emailOwner.get(email.toLowerCase());
      if (owner === undefined) emailOwner.set(email.toLowerCase(), handle);
      else if (owner !== handle)
        found.push({
          path: ['people', handle, 'emails'],
          text: `${email} is already ${owner}'s: an email names one person`,
        });
    }
    if (
      person.team !== undefined &&
      Object.keys(config.teams).length > 0 &&
      !Object.hasOwn(config.teams, person.team)
    ) {
      found.push({
        path: ['people', handle, 'team'],
        text: `person "${handle}" is in unknown team "${person.team}"`,
      });
    }
  }
  const { transitions, initial } = config.lifecycle;
  const statuses = new Set(Object.keys(transitions));
  if (!statuses.has(initial)) {
    found.push({
      path: ['lifecycle', 'initial'],
      text: `initial status "${initial}" has no entry under lifecycle.transitions`,
    });
  }
  for (const [from, targets] of Object.entries(transitions)) {
    for (const to of targets) {
      if (!statuses.has(to)) {
        found.push({
          path: ['lifecycle', 'transitions', from],
          text: `"${from}" leads to unknown status "${to}": list it under lifecycle.transitions`,
        });
      }
    }
  }
  const lists = ['main', 'done', 'closed', 'rationale_required', 'successor', 'in_review'] as const;
  for (const list of lists) {
    // Without a known initial status the inferred main line (and done) repeat that one error.
    if ((list === 'main' || list === 'done') && !statuses.has(initial)) continue;
    config.lifecycle[list].forEach((status, index) => {
      if (!statuses.has(status))
        found.push({
          path: ['lifecycle', list, String(index)],
          text: `lifecycle.${list} names "${status}", which is not a status: list it under lifecycle.transitions`,
        });
    });
  }
  const { main, withdrawal } = config.lifecycle;
  if (main[0] !== initial && statuses.has(initial))
    found.push({
      path: ['lifecycle', 'main'],
      text: `lifecycle.main starts at "${main[0] ?? ''}": it must start with the initial status "${initial}"`,
    });
  for (let k = 0; k + 1 < main.length; k++) {
    const [from, to] = [main[k] ?? '', main[k + 1] ?? ''];
    if (statuses.has(from) && statuses.has(to) && !transitions[from]?.includes(to))
      found.push({
        path: ['lifecycle', 'main', String(k + 1)],
        text: `the main line goes from "${from}" to "${to}", which lifecycle.transitions does not allow: add "${to}" under "${from}"`,
      });
  }
  if (withdrawal !== null && !statuses.has(withdrawal))
    found.push({
      path: ['lifecycle', 'withdrawal'],
      text: `lifecycle.withdrawal names "${withdrawal}", which is not a status: list it under lifecycle.transitions`,
    });
  for (const [name, campaign] of Object.entries(config.campaigns)) {
    if (campaign.opens !== undefined && campaign.opens > campaign.closes) {
      found.push({ path: ['campaigns', name], text: `campaign "${name}" closes before it opens` });
    }
  }
  return found;
}
