/** `ideas vote <id>`: write, update or retract the user's vote, refusing what validate would reject. */
import { ExitCode, UsageError } from '../../errors.js';
import { renderVote, updateVoteText } from '../../format/record-files.js';
import { closingDecision, isClosed, statusOf } from '../../model/lifecycle.js';
import { handleKey, sameHandle } from '../../model/people.js';
import { budgetUse, pointsProblem, voteCost } from '../../model/voting.js';
import { HANDLE_PATTERN } from '../../schema/common.js';
import type { FileChange } from '../../model/types.js';
import { FileExistsError } from '../../write/working-tree.js';
import { problemsAfter, refuseInvalid } from '../dry-run.js';
import { normaliseIdeaId, resolveIdeaId } from '../idea-id.js';
import { publish, reportOutcome } from '../publish.js';
import {
  identifyUser,
  ideaRecords,
  openSession,
  readCurrentText,
  type Focus,
  type Session,
} from '../session.js';
import type { CommandHandler } from '../spec.js';
import type { Context } from '../context.js';
import type { AuthoringFlags } from '../specs/authoring-options.js';
import { rootOf } from '../repository.js';
import { withLock } from '../../write/lock.js';

export interface VoteOptions extends AuthoringFlags {
  /** As typed; the command checks it against the voting mode. */
  points: string | undefined;
  comment: string | undefined;
  customer: string[];
  retract: boolean;
  as: string | undefined;
}

export const run: CommandHandler<VoteOptions> = async (ctx, [typed = ''], options) =>
  // One vote at a time in a clone: the budget is checked on what the last vote wrote.
  withLock(ctx.git(rootOf(ctx, options)), 'votes', async () =>
    castVote(
      ctx,
      // Whoever the config says the voter is, their vote is under votes/<id>/, and judging
      // it reads the idea and its decisions.
      await openSession(
        ctx,
        options,
        voteFocus(ctx, typed, options),
        ideaRecords([normaliseIdeaId(typed)], { votes: true }),
      ),
      typed,
      options,
    ),
  );

/** The vote file about to be written: what judging it reads is all the command reads. */
function voteFocus(ctx: Context, typed: string, options: VoteOptions): Focus {
  const id = normaliseIdeaId(typed);
  return (config) => {
    let voter = options.as;
    try {
      voter ??= identifyUser({ git: ctx.git(rootOf(ctx, options)), config }).handle;
    } catch {
      // castVote says who is unknown, after what it says about the id.
      return { paths: [], ideas: [id] };
    }
    return { paths: HANDLE_PATTERN.test(voter) ? [`votes/${id}/${voter}.md`] : [], ideas: [id] };
  };
}

/** Also what `ideas new` calls when the user picks "vote for this one instead". */
export async function castVote(
  ctx: Context,
  session: Session,
  typed: string,
  options: VoteOptions,
): Promise<number> {
  const { repo, config } = session;
  const id = resolveIdeaId(
    repo,
    typed,
    session.base ? `on ${session.base.name}` : '',
    '(an idea in an open pull request can be voted on once it is merged)',
  );
  const me = identifyUser(session);
  let voter = me.handle;
  let recordedBy: string | undefined;
  if (options.as !== undefined && options.as !== me.handle) {
    if (!config.reviewers.includes(me.handle)) {
      throw new UsageError(
        `only reviewers record votes for others, and ${me.handle} is not a reviewer`,
        `ask ${options.as} to run "ideas vote ${id}" themselves`,
      );
    }
    if (!HANDLE_PATTERN.test(options.as))
      throw new UsageError(
        `"${options.as}" is not a handle`,
        'use the handle under people in ideas.config.yaml',
      );
    voter = options.as;
    recordedBy = me.handle;
  }
  const idea = repo.ideasById.get(id);
  if (!idea) throw new UsageError(`there is no idea "${id}"`);
  const path = `votes/${id}/${voter}.md`;
  const existing = readCurrentText(session, path);
  const current = repo.votes.find((v) => v.path === path);
  const branch = `vote/${id}-${voter}`;
  const who = recordedBy ? `${voter}'s` : 'your';

  if (options.retract) {
    if (existing === undefined)
      throw new UsageError(`there is no vote by ${voter} for "${id}" to retract`);
    const outcome = publish(ctx, session, {
      changes: [{ path, text: null, exclusive: false }],
      branch,
      message: `Retract ${voter}'s vote for ${id}\n\n${idea.title}\n`,
      title: `Retract ${voter}'s vote for ${id}: ${idea.title}`,
    });
    reportOutcome(ctx, session, outcome, options.format, { id, path, retracted: true }, 'removed');
    return ExitCode.ok;
  }

  const status = statusOf(repo, id);
  if (isClosed(config.lifecycle, status)) {
    const closing = closingDecision(repo, id);
    throw new UsageError(
      `"${id}" is ${status}${closing ? ` since ${closing.date}` : ''}: a closed idea takes no votes`,
      closing?.duplicate_of
        ? `vote for ${closing.duplicate_of} instead: ideas vote ${closing.duplicate_of}`
        : 'look for an open idea with "ideas rank"',
    );
  }
  const points = parsePoints(options.points, current?.points ?? 1);
  const problem = pointsProblem(config.voting, points);
  if (problem) throw new UsageError(`cannot vote ${points} points: ${problem}`);
  if (!config.voting.self_votes && idea.authors.some((author) => sameHandle(author, voter))) {
    throw new UsageError(
      `${voter} is an author of "${id}", and self-votes are off in this repository`,
      "vote for someone else's idea, or ask for voting.self_votes: true in ideas.config.yaml",
    );
  }
  if (config.voting.mode !== 'simple') {
    const use = budgetUse(repo).get(handleKey(voter));
    const spentElsewhere =
      (use?.spent ?? 0) - (current ? voteCost(config.voting, current.points) : 0);
    const left = config.voting.budget - spentElsewhere;
    const cost = voteCost(config.voting, points);
    if (cost > left) {
      throw new UsageError(
        `this vote costs ${cost} point${cost === 1 ? '' : 's'} and ${voter} has ${left} left of the budget of ${config.voting.budget}${config.voting.mode === 'quadratic' ? ' (n points cost n²)' : ''}`,
        left > 0
          ? `vote with fewer points (--points), or retract another vote first`
          : 'retract a vote on another open idea first: ideas vote <id> --retract',
      );
    }
  }
  const campaign = idea.campaign === undefined ? undefined : config.campaigns[idea.campaign];
  if (campaign && ctx.today > campaign.closes) {
    throw new UsageError(
      `the campaign "${idea.campaign}" of "${id}" closed on ${campaign.closes}: it takes no new votes`,
    );
  }

  const customers = options.customer;
  const comment = options.comment;
  const fresh = () =>
    renderVote({
      idea: id,
      voter,
      points,
      date: ctx.today,
      customers,
      recorded_by: recordedBy,
      comment,
    });
  const text =
    existing !== undefined
      ? (updateVoteText(existing, {
          points,
          date: ctx.today,
          customers,
          recorded_by: recordedBy,
          comment,
        }) ?? fresh())
      : fresh();
  const changes: FileChange[] = [{ path, text, exclusive: existing === undefined }];
  refuseInvalid(ctx, problemsAfter(session, changes, ctx.today), `${who} vote`);
  const outcome = publishVote(ctx, session, path, {
    changes,
    branch,
    message: `${existing === undefined ? 'Add' : 'Update'} ${voter}'s vote for ${id}\n\n${idea.title}\n`,
    title: `${voter} votes for ${id}: ${idea.title}`,
  });
  reportOutcome(
    ctx,
    session,
    outcome,
    options.format,
    { id, path },
    existing === undefined ? 'wrote' : 'updated',
  );
  return ExitCode.ok;
}

function parsePoints(text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  if (!/^-?\d+$/.test(text)) throw new UsageError(`--points takes a whole number, not "${text}"`);
  return Number(text);
}

/** publish(), where a vote file that appeared meanwhile (or could not be read) is said plainly. */
function publishVote(
  ctx: Context,
  session: Session,
  path: string,
  request: Parameters<typeof publish>[2],
): ReturnType<typeof publish> {
  try {
    return publish(ctx, session, request);
  } catch (error) {
    if (!(error instanceof FileExistsError)) throw error;
    throw new UsageError(
      `${path} already exists but could not be read as a vote`,
      'look at the file (ideas validate names what is wrong with it), fix or delete it, then vote again',
    );
  }
}
