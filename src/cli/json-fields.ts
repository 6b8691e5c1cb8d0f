/**
 * `--json FIELD,…` as gh has it: the command's `--format json` document with only those fields
 * of each result. `--json` alone lists the fields there are. One option for every read command
 * (`addJsonFieldsOption`), one filter at the output (`startJsonFields`, called from run.ts).
 */
import type { Command } from 'commander';
import { ExitCode, ExitError, UsageError } from '../errors.js';
import type { Context } from './context.js';
import type { RawOptions } from './spec.js';

export function addJsonFieldsOption(command: Command): Command {
  return command.option(
    '--json [fields]',
    'JSON with only these comma-separated fields of each result; alone, list the fields',
  );
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const isObject = (value: Json): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The results the fields are picked from: the items of an array, or the object itself. */
function results(doc: Json): JsonObject[] {
  if (Array.isArray(doc)) return doc.filter(isObject);
  return isObject(doc) ? [doc] : [];
}

/** Every field a result has, in the order the document gives them. */
export function availableFields(doc: Json): string[] {
  const fields = new Set<string>();
  for (const result of results(doc)) for (const key of Object.keys(result)) fields.add(key);
  fields.delete('schema');
  return [...fields];
}

/** The document with only `fields` of each result; `schema` stays, every document says it. */
export function pickFields(doc: Json, fields: readonly string[]): Json {
  const pick = (result: JsonObject): JsonObject =>
    Object.fromEntries(
      Object.entries(result).filter(([key]) => key === 'schema' || fields.includes(key)),
    );
  if (Array.isArray(doc)) return doc.map((item) => (isObject(item) ? pick(item) : item));
  return isObject(doc) ? pick(doc) : doc;
}

export interface JsonFields {
  ctx: Context;
  options: RawOptions;
  finish(): void;
}

/** Undefined unless `--json` was given; then the command runs as `--format json`, buffered. */
export function startJsonFields(ctx: Context, options: RawOptions): JsonFields | undefined {
  const requested = options.json;
  if (requested === undefined || requested === false) return undefined;
  const fields =
    typeof requested === 'string'
      ? requested
          .split(',')
          .map((f) => f.trim())
          .filter(Boolean)
      : [];
  const chunks: string[] = [];
  return {
    ctx: { ...ctx, out: (text) => void chunks.push(text) },
    options: { ...options, format: 'json' },
    finish() {
      const text = chunks.join('');
      if (text.trim() === '') return;
      const doc = JSON.parse(text) as Json;
      const available = availableFields(doc);
      if (fields.length === 0) {
        ctx.err(
          `Specify one or more comma-separated fields for --json:\n${available.map((f) => `  ${f}\n`).join('')}`,
        );
        throw new ExitError(ExitCode.usage);
      }
      const unknown = fields.filter((f) => !available.includes(f));
      // With no results there is nothing to check the names against, and nothing to print.
      if (unknown.length > 0 && available.length > 0) {
        throw new UsageError(
          `unknown field${unknown.length > 1 ? 's' : ''} for --json: ${unknown.join(', ')}`,
          `the fields are: ${available.join(', ')}`,
        );
      }
      ctx.out(`${JSON.stringify(pickFields(doc, fields), null, 2)}\n`);
    },
  };
}
