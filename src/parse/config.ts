/**
 * Reads `ideas.config.yaml` with the `yaml` package: it keeps node positions, so every
 * problem points at its line and column, and it bounds alias expansion.
 */
import { LineCounter, isMap, isScalar, parseDocument, visit, type Document } from 'yaml';
import { configSchema, type Config } from '../schema/config.js';
import type { Problem } from '../model/types.js';

export const CONFIG_FILE = 'ideas.config.yaml';

export interface ConfigResult {
  config: Config | undefined;
  problems: Problem[];
}

export function parseConfig(text: string, file = CONFIG_FILE): ConfigResult {
  const lineCounter = new LineCounter();
  // The yaml package's own uniqueKeys check compares each key with every other (quadratic: 9 s
  // on a 35,000-team config), so keys are checked here, once each, with a set per mapping.
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
  visit(doc, {
    Map(_key, map) {
      const seen = new Set<unknown>();
      for (const pair of map.items) {
        const key = isScalar(pair.key) ? pair.key.value : pair.key;
        if (seen.has(key)) problem(nodeOffset(pair.key), 'not valid YAML: Map keys must be unique');
        seen.add(key);
      }
    },
  });
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

  const known = new Set(Object.keys(configSchema.shape));
  if (isMap(doc.contents)) {
    for (const pair of doc.contents.items) {
      const key = String((pair.key as { value?: unknown })?.value ?? pair.key);
      if (!known.has(key)) {
        problem(
          nodeOffset(pair.key),
          `unknown setting "${key}": remove it or check its spelling`,
          'warning',
        );
      }
    }
  }

  const parsed = configSchema.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path.map(String);
      problem(
        offsetOf(doc, issue.path as (string | number)[]),
        `${path.join('.') || 'config'} ${issue.message}`,
      );
    }
    return { config: undefined, problems };
  }
  const config = parsed.data;
  for (const message of crossCheck(config)) problem(offsetOf(doc, message.path), message.text);
  return { config: problems.some((p) => p.severity === 'error') ? undefined : config, problems };
}

function firstLine(text: string): string {
  return text.split('\n')[0] ?? text;
}

function nodeOffset(node: unknown): number | undefined {
  return (node as { range?: [number, number, number] } | null)?.range?.[0];
}

/** The offset of the deepest node that exists along `path`, so a missing key points at its parent. */
function offsetOf(doc: Document, path: (string | number)[]): number | undefined {
  for (let depth = path.length; depth > 0; depth--) {
    const node = doc.getIn(path.slice(0, depth), true);
    const offset = nodeOffset(node);
    if (offset !== undefined) return offset;
  }
  return nodeOffset(doc.contents);
}

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

  for (const [handle, person] of Object.entries(config.people)) {
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
