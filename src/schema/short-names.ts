/**
 * Which front-matter fields hold a short name (a handle, an id, a date, a status, a tag) or a
 * list of them: the values a repository repeats across thousands of files, which the parser
 * keeps one copy of (parse/string-pool.ts). A schema is marked where it is declared, with
 * `shortName`; the fields are found by walking each record's schema, so a field declared with
 * `handle` or `ideaId` is pooled without being listed twice.
 */
import { z } from 'zod';

// Metadata, unlike a registry entry, is inherited by the copies `.describe()` makes.
const marked = z.registry<{ shortName: true }>();

/** Marks `schema` as one whose values are short names, and returns it. */
export function shortName<T extends z.core.$ZodType>(schema: T): T {
  marked.add(schema, { shortName: true });
  return schema;
}

export interface NameFields {
  /** Fields holding one short name. */
  names: readonly string[];
  /** Fields holding a list of short names. */
  lists: readonly string[];
}

/** The fields of `shape` whose values are short names or lists of them, in declaration order. */
export function nameFieldsOf(shape: Readonly<Record<string, z.core.$ZodType>>): NameFields {
  const names: string[] = [];
  const lists: string[] = [];
  for (const [field, schema] of Object.entries(shape)) {
    const holds = holdsNames(schema);
    if (holds === 'name') names.push(field);
    else if (holds === 'list') lists.push(field);
  }
  return { names, lists };
}

/** Through the wrappers (optional, default, preprocess and pipe stages) to what a value is. */
function holdsNames(schema: z.core.$ZodType): 'name' | 'list' | undefined {
  if (marked.get(schema)?.shortName) return 'name';
  if (
    schema instanceof z.ZodOptional ||
    schema instanceof z.ZodNullable ||
    schema instanceof z.ZodDefault
  )
    return holdsNames(schema.unwrap());
  // A pipe's output is what the record keeps; a transform's input says what went in.
  if (schema instanceof z.ZodPipe) return holdsNames(schema.out) ?? holdsNames(schema.in);
  if (schema instanceof z.ZodArray)
    return holdsNames(schema.element) === 'name' ? 'list' : undefined;
  return undefined;
}
