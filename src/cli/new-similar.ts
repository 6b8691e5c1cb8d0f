/**
 * The similar ideas `ideas new` shows: right after the title (with the body when the flags gave
 * it), and once more after a typed body for the ones the title alone did not bring up. Each
 * time the user may write theirs anyway, vote for one of them instead, or stop.
 */
import { ExitCode, ExitError } from '../errors.js';
import { sanitizeLine } from '../format/sanitize.js';
import { isClosed, statusOf } from '../model/lifecycle.js';
import { SimilarityIndex, type Match } from '../model/similarity.js';
import { rankIdeas } from '../rank/rank.js';
import type { Context } from './context.js';
import { ask, isInteractive } from './prompts.js';
import { similarQuestion } from './questions.js';
import type { Session } from './session.js';

interface SimilarIdea extends Match {
  title: string;
  authors: string[];
  status: string;
  votes: number;
}

function similarIdeas(session: Session, title: string, body: string): SimilarIdea[] {
  const { repo } = session;
  const index = new SimilarityIndex(
    repo.ideas.map((i) => ({ id: i.id, title: i.title, body: i.body })),
  );
  const matches = index.similarTo({ id: '', title, body }, { limit: 5 });
  if (matches.length === 0) return [];
  const ranked = new Map(
    rankIdeas(repo, {
      today: '9999-12-31',
      statuses: Object.keys(repo.config.lifecycle.transitions),
    }).map((r) => [r.idea.id, r]),
  );
  return matches.map((match) => ({
    ...match,
    title: repo.ideasById.get(match.id)?.title ?? '',
    authors: repo.ideasById.get(match.id)?.authors ?? [],
    status: statusOf(repo, match.id),
    votes: ranked.get(match.id)?.votes ?? 0,
  }));
}

export interface SimilarCheck {
  title: string;
  body: string;
  /** --yes: warn, and write anyway. */
  yes: boolean;
  me: string;
  /** Ids already shown in this run: not shown again. */
  shown: Set<string>;
}

/** Undefined: go on writing the idea. An id: vote for that one instead. */
export async function checkSimilar(
  ctx: Context,
  session: Session,
  check: SimilarCheck,
): Promise<string | undefined> {
  const similar = similarIdeas(session, check.title, check.body).filter(
    (s) => !check.shown.has(s.id),
  );
  if (similar.length === 0) return undefined;
  for (const s of similar) check.shown.add(s.id);
  const lines = similar.map(
    (s) =>
      `  ${s.id}  ${sanitizeLine(s.title)}  (${s.status}, ${s.votes} vote${s.votes === 1 ? '' : 's'}, ${Math.round(s.score * 100)}% alike)\n`,
  );
  ctx.err(`ideas: warning: existing ideas read like this one:\n${lines.join('')}`);
  if (check.yes) return undefined;
  if (!isInteractive(ctx)) {
    ctx.err(
      `ideas: nothing was written: pass --yes to write it anyway, or vote for one of them: ideas vote ${similar[0]?.id ?? 'ID'}\n`,
    );
    throw new ExitError(ExitCode.usage);
  }
  const { config } = session;
  const choice = await ask(
    ctx,
    'select',
    similarQuestion(
      similar.map((s) => ({
        ...s,
        votable:
          !isClosed(config.lifecycle, s.status) &&
          (config.voting.self_votes || !s.authors.includes(check.me)),
      })),
    ),
    '--yes',
  );
  if (choice === '-') {
    ctx.err('ideas: stopped; nothing was written\n');
    throw new ExitError(ExitCode.ok);
  }
  return choice === '' ? undefined : String(choice);
}
