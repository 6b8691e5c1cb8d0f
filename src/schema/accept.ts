/**
 * Plain checks that accept the common valid record without zod, giving exactly the value the
 * schema in records.ts would give (its key order, defaults and transforms), or `undefined`
 * whenever the record is not plainly valid: then zod reads it, and its messages and rule ids are
 * the only ones a user sees. On 100,000 votes, zod's generic machinery cost more than the YAML
 * itself; tests/schema-accept.test.ts compares both on generated records, valid and not.
 */
import { CONTROL_CHARACTERS, ISO_DATE_PATTERN, isRealDate, normaliseTag } from './common.js';
import { HANDLE_PATTERN, ID_PATTERN } from './patterns.js';
import type { RecordKind } from '../model/types.js';
import { estimatesSchema } from './records.js';

type Fields = Record<string, unknown>;

const isId = (value: unknown): value is string =>
  typeof value === 'string' && ID_PATTERN.test(value);
const isHandle = (value: unknown): value is string =>
  typeof value === 'string' && HANDLE_PATTERN.test(value);
const isDate = (value: unknown): value is string =>
  typeof value === 'string' && ISO_DATE_PATTERN.test(value) && isRealDate(value);
const isPlainText = (value: unknown, max: number): value is string =>
  typeof value === 'string' &&
  value.length >= 1 &&
  value.length <= max &&
  !CONTROL_CHARACTERS.test(value);

/** A list as listOf reads it (a lone string is a list of one), when every item passes. */
function listOf(value: unknown, ok: (item: unknown) => boolean): unknown[] | undefined {
  const items = typeof value === 'string' ? [value] : value;
  if (!Array.isArray(items)) return undefined;
  for (const item of items) if (!ok(item)) return undefined;
  return items === value ? [...items] : items;
}

/**
 * The customers of a vote that names none, which is nearly every vote: one frozen list for all
 * of them instead of one each (100,000 empty arrays were 3 MB). Frozen, so a change throws
 * instead of reaching every other vote.
 */
const NO_CUSTOMERS: readonly string[] = Object.freeze([]);

const isCustomer = (item: unknown) => isPlainText(item, 80);

export function acceptVote(data: Fields): Fields | undefined {
  const { idea, voter, points = 1, date, customers, recorded_by } = data;
  if (!isId(idea) || !isHandle(voter) || !isDate(date)) return undefined;
  if (typeof points !== 'number' || !Number.isSafeInteger(points)) return undefined;
  // Nearly every vote names no customers: no list to check, copy or drop.
  const customerList = customers === undefined ? NO_CUSTOMERS : listOf(customers, isCustomer);
  if (!customerList) return undefined;
  const out: Fields = {
    idea,
    voter,
    points,
    date,
    customers: customerList.length === 0 ? NO_CUSTOMERS : customerList,
  };
  if (recorded_by !== undefined) {
    if (!isHandle(recorded_by)) return undefined;
    out.recorded_by = recorded_by;
  }
  return out;
}

/** The schema's own key order: the output follows it. */
const ESTIMATES = Object.keys(estimatesSchema.shape);

function acceptEstimates(value: unknown): Fields | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const given = value as Fields;
  const out: Fields = {};
  for (const key of ESTIMATES) {
    if (!Object.hasOwn(given, key)) continue;
    const number = given[key];
    if (typeof number !== 'number' || !Number.isFinite(number) || number < 0) return undefined;
    if (key === 'confidence' && number > 1) return undefined;
    out[key] = number;
  }
  return out;
}

export function acceptIdea(data: Fields): Fields | undefined {
  const { id, title, authors, team, created, tags = [], kind = 'idea', parent } = data;
  const { campaign, estimates = {}, source } = data;
  if (!isId(id) || typeof title !== 'string' || !isDate(created)) return undefined;
  const trimmed = title.trim();
  if (trimmed.length < 1 || trimmed.length > 200) return undefined;
  const authorList = listOf(authors, isHandle);
  if (!authorList || authorList.length === 0) return undefined;
  const tagList = listOf(tags, (item) => isPlainText(item, 40));
  if (!tagList || (kind !== 'idea' && kind !== 'theme')) return undefined;
  const estimateFields = acceptEstimates(estimates);
  if (!estimateFields) return undefined;
  const out: Fields = { id, title: trimmed, authors: authorList };
  if (team !== undefined) {
    if (!isHandle(team)) return undefined;
    out.team = team;
  }
  out.created = created;
  out.tags = tagList.map((tag) => normaliseTag(tag as string));
  out.kind = kind;
  if (parent !== undefined) {
    if (!isId(parent)) return undefined;
    out.parent = parent;
  }
  if (campaign !== undefined) {
    if (!isHandle(campaign)) return undefined;
    out.campaign = campaign;
  }
  out.estimates = estimateFields;
  if (source !== undefined) {
    if (typeof source !== 'string' || source.length < 1 || source.length > 300) return undefined;
    out.source = source;
  }
  return out;
}

/** The schema's value for a plainly valid record of `kind`, or undefined: ask zod. */
export function acceptFields(kind: RecordKind, data: Fields): Fields | undefined {
  if (kind === 'vote') return acceptVote(data);
  if (kind === 'idea') return acceptIdea(data);
  return undefined;
}
