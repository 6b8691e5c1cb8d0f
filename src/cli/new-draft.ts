/**
 * The drafts of `ideas new`: what `--from-json` takes, and the answers kept when a run stops
 * before writing (Ctrl-C, or git failing after every question was answered).
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { GitError, InterruptedError, UsageError } from '../errors.js';
import type { NewIdea } from '../format/record-files.js';
import { writeFileAtomic } from '../write/atomic.js';
import { join } from 'node:path';
import type { Context } from './context.js';
import { checkEstimateRecord } from './estimates.js';
import { readInput } from './input.js';
import { findProtoKey } from '../parse/json-keys.js';

export type Answers = Omit<NewIdea, 'id' | 'authors' | 'created'>;

/** What `--from-json` takes: every field optional, flags win over it. */
const draftSchema = z
  .object({
    title: z.string().optional(),
    team: z.string().optional(),
    tags: z.array(z.string()).optional(),
    parent: z.string().optional(),
    campaign: z.string().optional(),
    kind: z.enum(['idea', 'theme']).optional(),
    estimates: z.record(z.string(), z.number()).optional(),
    body: z.string().optional(),
    sections: z.record(z.string(), z.string()).optional(),
  })
  .strict();
export type Draft = z.output<typeof draftSchema>;

export async function readDraft(ctx: Context, fromJson: string | undefined): Promise<Draft> {
  if (fromJson === undefined) return {};
  const text = await readInput(ctx, fromJson, '--from-json');
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new UsageError(
      `--from-json ${fromJson} is not JSON: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const proto = findProtoKey(data);
  if (proto !== undefined)
    throw new UsageError(
      `--from-json ${fromJson}: "${proto}" is not a name ideas takes`,
      'rename the key; JSON names an estimate or a section by a plain word, such as "reach" or "Problem"',
    );
  const parsed = draftSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new UsageError(
      `--from-json ${fromJson}: ${issue?.path.join('.') || 'the value'} ${issue?.message ?? 'is not valid'}`,
      'it takes {"title", "team", "tags": [], "parent", "campaign", "kind", "estimates": {}, "body"} or "sections": {"Problem": "..."}',
    );
  }
  const { estimates, ...rest } = parsed.data;
  if (estimates === undefined) return rest;
  return { ...rest, estimates: checkEstimateRecord(estimates, `--from-json ${fromJson}`) };
}

/**
 * Where this repository's unfinished answers are kept between runs: one file per repository in
 * the temporary folder, so the next `ideas new` there can offer it.
 */
export function draftFile(ctx: Context, root: string): string {
  const key = createHash('sha256').update(root).digest('hex').slice(0, 12);
  return join(ctx.tempDir, `ideas-draft-${key}.json`);
}

/** The answers as `--from-json` reads them back. */
function draftJson(answers: Partial<Answers>, draft: Draft = {}): string {
  const { estimates, ...rest } = { ...draft, ...answers };
  const fields = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined));
  return `${JSON.stringify({ ...fields, ...(estimates ? { estimates } : {}) }, null, 2)}\n`;
}

/** Writes the answers where the next run offers them; false when that could not be done. */
export function writeDraft(file: string, answers: Partial<Answers>, draft: Draft = {}): boolean {
  try {
    writeFileAtomic(file, draftJson(answers, draft));
    return true;
  } catch {
    return false;
  }
}

export function keepDraftOnCancel(
  file: string,
  draft: Draft,
  partial: Partial<Answers>,
): InterruptedError {
  if (Object.keys(partial).length === 0 && Object.keys(draft).length === 0)
    return new InterruptedError();
  if (!writeDraft(file, partial, draft)) return new InterruptedError();
  return new InterruptedError(`your answers so far are kept: ideas new --from-json ${file}`);
}

/** A git failure after the user typed everything: keep their answers outside the repository. */
export function keepDraft(error: GitError, file: string, answers: Answers): GitError {
  if (!writeDraft(file, answers)) return error;
  return new GitError(
    error.message,
    `${error.hint ? `${error.hint}; ` : ''}your answers are kept: ideas new --from-json ${file}`,
  );
}
