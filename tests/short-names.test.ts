// The fields the parser pools (parse/string-pool.ts) are found from the schemas, where each field
// is declared: a field made from `handle`, `ideaId`, `isoDate` or another marked schema is
// pooled through every wrapper the schemas use, and free text is not.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { handle, ideaId, isoDate, listOf } from '../src/schema/common.js';
import { recordNameFields } from '../src/schema/records.js';
import { nameFieldsOf, shortName } from '../src/schema/short-names.js';

describe('short-name fields', () => {
  it('are, for each record kind, the ids, handles, dates, statuses and tags it declares', () => {
    expect(recordNameFields).toEqual({
      idea: {
        names: ['id', 'team', 'created', 'kind', 'parent', 'campaign'],
        lists: ['authors', 'tags'],
      },
      vote: { names: ['idea', 'voter', 'date', 'recorded_by'], lists: ['customers'] },
      decision: { names: ['idea', 'status', 'date', 'duplicate_of'], lists: ['reviewers'] },
    });
  });

  it('are found through optional, nullish, default, describe, preprocess and pipe', () => {
    const shape = {
      owner: handle.optional().describe('who owns it'),
      twin: ideaId.nullish(),
      since: isoDate.default('2026-01-01'),
      renamed: ideaId.describe('a copy of the marked schema, made by describe'),
      helpers: listOf(handle).pipe(z.array(handle).min(1)),
      labels: listOf(shortName(z.string().transform((s) => s.toLowerCase()))).default([]),
      note: z.string().max(500).optional(),
      count: z.number().default(1),
      links: listOf(z.string()),
    };
    expect(nameFieldsOf(shape)).toEqual({
      names: ['owner', 'twin', 'since', 'renamed'],
      lists: ['helpers', 'labels'],
    });
  });
});
