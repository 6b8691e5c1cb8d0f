/** `ideas review <id> --status S`: a reviewer's decision, refused when validate would reject it. */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ExitCode, UsageError } from '../../errors.js';
import { renderDecision } from '../../format/record-files.js';
import {
  carriesSuccessor,
  isKnownStatus,
  isLegalTransition,
  isWithdrawal,
  legalNext,
  statusOf,
} from '../../model/lifecycle.js';
import { placeFile } from '../../model/layout.js';
import { HANDLE_PATTERN } from '../../schema/common.js';
import type { FileChange } from '../../model/types.js';
import { FileExistsError } from '../../write/working-tree.js';
import { problemsAfter, refuseInvalid } from '../dry-run.js';
import { normaliseIdeaId, resolveIdeaId } from '../idea-id.js';
import { publish, reportOutcome, type Outcome } from '../publish.js';
import { identifyUser, ideaRecords, openSession, refreshSession } from '../session.js';
import { withLock } from '../../write/lock.js';
import { ask, isInteractive, requireAnswers } from '../prompts.js';
import { rationaleQuestion, scoreQuestion } from '../questions.js';
import { readImplementation } from '../../model/implemented-by.js';
import { parseNamedNumbers } from '../named-numbers.js';
import { sanitizeLine } from '../../format/sanitize.js';
import type { CommandHandler } from '../spec.js';
import type { AuthoringFlags } from '../specs/authoring-options.js';

export interface ReviewOptions extends AuthoringFlags {
  status: string;
  rationale: string | undefined;
  /** Undefined when no --score was given: then a terminal asks for each criterion. */
  score: string[] | undefined;
  duplicateOf: string | undefined;
  implementedBy: string[];
  reviewer: string[];
}

export const run: CommandHandler<ReviewOptions> = async (ctx, [typed = ''], options) => {
  const typedId = normaliseIdeaId(typed);
  // A bad --duplicate-of is refused below, in its turn; here it only widens the read.
  const duplicate = /^[a-z][a-z0-9]*$/.test(options.duplicateOf?.trim().toLowerCase() ?? '')
    ? [options.duplicateOf?.trim().toLowerCase() ?? '']
    : [];
  // The decision about to be written (its day's number is found later): judging it is all that is read.
  const session = await openSession(
    ctx,
    options,
    () => ({
      paths: [`decisions/${typedId}/${ctx.today}-${options.status}.md`],
      ideas: [typedId, ...duplicate],
    }),
    ideaRecords([typedId], { votes: false }),
  );
  const { repo, config } = session;
  const lifecycle = config.lifecycle;
  const status = options.status;
  const id = resolveIdeaId(repo, typed, session.base ? `on ${session.base.name}` : '');
  const idea = repo.ideasById.get(id);
  if (!idea) throw new UsageError(`there is no idea "${id}"`);
  // The status becomes part of a file name: only the shape decisions may have.
  if (!/^[a-z][a-z-]*$/.test(status) || !isKnownStatus(lifecycle, status)) {
    throw new UsageError(
      `"${status}" is not a status of this repository's lifecycle`,
      `the statuses are ${Object.keys(lifecycle.transitions).join(', ')}`,
    );
  }
  const me = identifyUser(session).handle;
  const authorWithdrawal = isWithdrawal(lifecycle, status) && idea.authors.includes(me);
  if (!config.reviewers.includes(me) && !authorWithdrawal) {
    throw new UsageError(
      `${me} is not a reviewer, and only reviewers record decisions${idea.authors.includes(me) && lifecycle.withdrawal !== null ? ` (as an author you may withdraw it: --status ${lifecycle.withdrawal})` : ''}`,
      config.reviewers.length > 0
        ? `ask one of ${config.reviewers.join(', ')}`
        : 'add reviewers under reviewers in ideas.config.yaml',
    );
  }
  const from = statusOf(repo, id);
  if (!isLegalTransition(lifecycle, from, status)) {
    const next = legalNext(lifecycle, from);
    throw new UsageError(
      `"${id}" is ${from} and cannot go to ${status}`,
      next.length > 0
        ? `from ${from} it can go to ${next.join(', ')}`
        : `${from} is final: nothing follows it`,
    );
  }

  const others = options.reviewer;
  for (const name of others) {
    if (!HANDLE_PATTERN.test(name) || !config.reviewers.includes(name)) {
      throw new UsageError(
        `"${name}" is not a reviewer`,
        config.reviewers.length > 0
          ? `reviewers are ${config.reviewers.join(', ')}`
          : 'add reviewers under reviewers in ideas.config.yaml',
      );
    }
  }
  const reviewers = [...new Set([me, ...others])];
  const signed = reviewers.filter((r) => config.reviewers.includes(r)).length;
  if (!authorWithdrawal && signed < config.review.quorum) {
    throw new UsageError(
      `${config.review.quorum} reviewers must sign a decision and ${signed} would`,
      `name the others who agreed: --reviewer HANDLE (repeat), from ${config.reviewers.join(', ')}`,
    );
  }

  const duplicateOf =
    options.duplicateOf === undefined
      ? undefined
      : normaliseIdeaId(options.duplicateOf, '--duplicate-of');
  if (carriesSuccessor(lifecycle, status)) {
    if (!duplicateOf)
      throw new UsageError(
        `a ${status} decision needs the idea that takes its place`,
        'pass --duplicate-of ID',
      );
    if (duplicateOf === id)
      throw new UsageError(
        'an idea cannot duplicate itself',
        'pass the other idea to --duplicate-of',
      );
    resolveIdeaId(repo, duplicateOf, 'for --duplicate-of');
  } else if (duplicateOf) {
    throw new UsageError(
      `--duplicate-of only goes with --status ${lifecycle.successor.join(' or ') || '(none: lifecycle.successor is empty)'}`,
    );
  }

  const scores = parseScores(options.score ?? [], config.review.criteria);

  // In a terminal, a reviewer who gave no --score is asked for each criterion (blank skips).
  if (options.score === undefined && config.review.criteria.length > 0 && isInteractive(ctx)) {
    for (const criterion of config.review.criteria) {
      const answer = (await ask(ctx, 'input', scoreQuestion(criterion), '--score')).trim();
      if (answer !== '')
        Object.assign(scores, parseScores([`${criterion}=${answer}`], config.review.criteria));
    }
  }

  let rationale = options.rationale?.trim() ?? '';
  const required = lifecycle.rationale_required.includes(status);
  if (required && rationale === '') {
    requireAnswers(ctx, ['--rationale'], `a ${status} decision`);
    rationale = (await ask(ctx, 'input', rationaleQuestion(status), '--rationale')).trim();
  }

  const implementedBy = implementationsOf(options.implementedBy);
  const text = renderDecision({
    idea: id,
    status,
    date: ctx.today,
    reviewers,
    duplicate_of: duplicateOf,
    scores,
    implemented_by: implementedBy,
    rationale,
  });
  const decide = async (): Promise<{ outcome: Outcome; path: string }> => {
    // What is on disk now, not what was read at the start: another review may have just landed.
    const current = await refreshSession(ctx, session);
    const now = statusOf(current.repo, id);
    if (now !== from && !isLegalTransition(lifecycle, now, status)) {
      throw new UsageError(
        `"${id}" became ${now} while you were reviewing it, and cannot go to ${status}`,
        `from ${now} it can go to ${legalNext(lifecycle, now).join(', ') || 'nothing: it is final'}`,
      );
    }
    const names = current.read.tree.files.map((f) => f.path);
    if (!session.base)
      names.push(...listFolder(join(session.root, 'decisions', id), `decisions/${id}/`));
    const sequences = names
      .map((name) => placeFile(name))
      .flatMap((p) =>
        p.kind === 'decision' && p.id === id && p.date === ctx.today ? [p.sequence ?? 1] : [],
      );
    let sequence = Math.max(0, ...sequences) + 1;
    for (let attempt = 0; attempt < 5; attempt++, sequence++) {
      const path = `decisions/${id}/${sequence === 1 ? ctx.today : `${ctx.today}-${sequence}`}-${status}.md`;
      const changes: FileChange[] = [{ path, text, exclusive: true }];
      refuseInvalid(ctx, problemsAfter(current, changes, ctx.today), 'this decision');
      try {
        const outcome = publish(ctx, current, {
          changes,
          branch: `review/${id}-${status}`,
          message: `Decide ${id}: ${now} -> ${status}\n\n${idea.title}\n\nSigned by ${reviewers.join(', ')}.\n`,
          title: `${id} is ${status}: ${idea.title}`,
        });
        return { outcome, path };
      } catch (error) {
        if (!(error instanceof FileExistsError)) throw error;
      }
    }
    throw new UsageError(`could not find a free file name for the decision in decisions/${id}/`);
  };
  // Two reviews of one idea at once in one clone take turns, so the day's sequence numbers
  // (which order the decisions) are never given out twice, and, with --branch, the second
  // finds the first's branch made, never half made (as vote --branch does).
  const { outcome, path } = await withLock(session.git, `decisions:${id}`, decide);
  reportOutcome(ctx, session, outcome, options.format, { id, path, status }, 'wrote');
  return ExitCode.ok;
};

function parseScores(
  pairs: readonly string[],
  criteria: readonly string[],
): Record<string, number> {
  const parsed = parseNamedNumbers(pairs, {
    flag: '--score',
    key: 'criterion',
    hint: 'for example --score impact=4',
    valueHint: (name) => `for example --score ${name}=4`,
    isName: (name): name is string => criteria.includes(name),
    unknown: (name) =>
      new UsageError(
        `"${sanitizeLine(name)}" is not a review criterion`,
        criteria.length > 0
          ? `the criteria are ${criteria.join(', ')} (review.criteria in ideas.config.yaml)`
          : 'no criteria are configured: add review.criteria in ideas.config.yaml',
      ),
    // Any number: the scale is validate's to judge, as it does for every decision file.
    check: (_name, text) => {
      const value = text.trim() === '' ? Number.NaN : Number(text);
      return Number.isFinite(value) ? value : undefined;
    },
  });
  const scores: Record<string, number> = {};
  // Object.defineProperty: a criterion named __proto__ stays a plain key.
  for (const { name, value } of parsed)
    Object.defineProperty(scores, name, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  return scores;
}

function listFolder(dir: string, prefix: string): string[] {
  try {
    return readdirSync(dir).map((name) => `${prefix}${name}`);
  } catch {
    return [];
  }
}

/** `--implemented-by` values, each an http(s) link, a commit id or a tag (checked like validate does). */
function implementationsOf(entries: string[]): string[] {
  for (const entry of entries) {
    const read = readImplementation(entry);
    if (read.kind === 'invalid')
      throw new UsageError(
        `--implemented-by "${entry}" ${read.reason}`,
        'give a pull-request or commit URL, a commit id or a tag',
      );
  }
  return entries;
}
