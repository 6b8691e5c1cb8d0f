/**
 * `ideas new`: asks for what the flags did not give, warns about similar ideas, allocates an
 * id no branch has, and writes the idea (or commits it on its own branch).
 */
import { TEMPLATE_PATH } from '../../model/layout.js';
import { randomInt } from 'node:crypto';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ExitCode, ExitError, GitError, InterruptedError, UsageError } from '../../errors.js';
import { bodyFromSections, renderIdea, type NewIdea } from '../../format/record-files.js';
import { sanitizeLine } from '../../format/sanitize.js';
import { idsOnBranches } from '../../git/authoring.js';
import { findRootPrefix } from '../../git/locate.js';
import { allocateId } from '../../model/ids.js';
import { isClosed, statusOf } from '../../model/lifecycle.js';
import { SimilarityIndex, type Match } from '../../model/similarity.js';
import { placeFile, slugify } from '../../model/layout.js';
import { rankIdeas } from '../../rank/rank.js';
import { FileExistsError } from '../../write/working-tree.js';
import { problemsAfter, refuseInvalid } from '../dry-run.js';
import { normaliseIdeaId } from '../idea-id.js';
import { readInput } from '../input.js';
import { publish, reportOutcome, type Outcome } from '../publish.js';
import { identifyUser, openSession, type Session } from '../session.js';
import type { Context } from '../context.js';
import {
  campaignQuestion,
  sectionQuestion,
  similarQuestion,
  tagsQuestion,
  teamQuestion,
  themeQuestion,
  titleQuestion,
} from '../questions.js';
import { builtInTemplate } from '../../read/repository.js';
import { ask, isInteractive, requireAnswers } from '../prompts.js';
import type { CommandHandler } from '../spec.js';
import {
  draftFile,
  keepDraft,
  keepDraftOnCancel,
  readDraft,
  type Answers,
  type Draft,
} from '../new-draft.js';
import { castVote } from './vote.js';
import type { AuthoringFlags } from '../specs/authoring-options.js';
import type { VoteOptions } from './vote.js';

export interface NewOptions extends AuthoringFlags {
  title: string | undefined;
  team: string | undefined;
  tag: string[] | undefined;
  parent: string | undefined;
  campaign: string | undefined;
  theme: boolean;
  bodyFile: string | undefined;
  fromJson: string | undefined;
  yes: boolean;
  /** For "vote for that one instead": a plain one-point vote with the same flags. */
  vote: VoteOptions;
}

export const run: CommandHandler<NewOptions> = async (ctx, _args, options) => {
  const draft = await readDraft(ctx, options.fromJson);
  const session = await openSession(ctx, options);
  const me = identifyUser(session);
  const kept = draftFile(ctx, session.root);
  if (options.fromJson === undefined && isInteractive(ctx) && existsSync(kept))
    ctx.err(`ideas: the answers of an interrupted run are kept: ideas new --from-json ${kept}\n`);
  const partial: Partial<Answers> = {};
  let answers: Answers;
  try {
    answers = await gatherAnswers(ctx, session, draft, options, me.handle, partial);
  } catch (error) {
    // Ctrl-C: what was typed so far is not lost; the next run offers it.
    if (error instanceof InterruptedError) throw keepDraftOnCancel(kept, draft, partial);
    throw error;
  }

  const taken = takenIds(session);
  const similar = similarIdeas(session, answers.title, answers.body);
  if (similar.length > 0) {
    const target = await confirmDespiteSimilar(ctx, session, similar, options, me.handle);
    if (target !== undefined) return castVote(ctx, session, target, options.vote);
  }

  for (let attempt = 0; attempt < 5; attempt++) {
    const id = allocateId(taken, randomInt);
    taken.add(id);
    const path = `ideas/${id}-${slugify(answers.title)}.md`;
    const idea: NewIdea = { ...answers, id, authors: [me.handle], created: ctx.today };
    const changes = [{ path, text: renderIdea(idea), exclusive: true }];
    // Similar ideas were shown above; the rule's warning would only repeat them.
    refuseInvalid(
      ctx,
      problemsAfter(session, changes, ctx.today, ['repo/similar-ideas']),
      'this idea',
    );
    let outcome: Outcome;
    try {
      outcome = publish(ctx, session, {
        changes,
        branch: `idea/${id}-${slugify(answers.title).slice(0, 40).replace(/-+$/, '')}`,
        message: `Propose ${id}: ${answers.title}\n`,
        title: `Idea ${id}: ${answers.title}`,
      });
    } catch (error) {
      if (error instanceof FileExistsError) continue;
      if (error instanceof GitError) throw keepDraft(error, kept, answers);
      throw error;
    }
    if (!session.base && sameIdWritten(session.root, id, path)) {
      // Another run picked the same id in the same instant: step aside and draw again.
      rmSync(join(session.root, path), { force: true });
      continue;
    }
    reportOutcome(ctx, session, outcome, options.format, { id, path }, 'wrote');
    // A finished draft is spent: the next run should not offer it again.
    if (options.fromJson !== undefined && resolve(ctx.cwd, options.fromJson) === kept)
      rmSync(kept, { force: true });
    return ExitCode.ok;
  }
  throw new UsageError('could not find a free idea id: run the command again');
};

async function gatherAnswers(
  ctx: Context,
  session: Session,
  draft: Draft,
  options: NewOptions,
  me: string,
  partial: Partial<Answers>,
): Promise<Answers> {
  const { config, repo } = session;
  const yes = options.yes;
  const sectionsGiven = new Map(Object.entries(draft.sections ?? {}));
  let body = draft.body;
  if (options.bodyFile !== undefined) body = await readInput(ctx, options.bodyFile, '--body-file');
  let title = options.title ?? draft.title;
  const template = repo.template.sections;
  // A template that could not be read (a link, a binary) must not pass for "no template".
  for (const refused of repo.problems.filter((p) => p.file === TEMPLATE_PATH)) {
    ctx.err(
      `ideas: warning: ${TEMPLATE_PATH}: ${sanitizeLine(refused.message)}; using the built-in template\n`,
    );
  }
  const missingSections =
    body === undefined ? template.filter((s) => !sectionsGiven.has(s.heading)) : [];

  const missing = [
    ...(title === undefined || title.trim() === '' ? ['--title'] : []),
    ...(missingSections.length > 0 ? ['--body-file'] : []),
  ];
  if (missing.length > 0 && !isInteractive(ctx)) {
    requireAnswers(ctx, missing, 'ideas new', ', or the whole idea with --from-json FILE');
  }
  if (title === undefined || title.trim() === '') {
    title = await ask(ctx, 'input', titleQuestion(), '--title');
  }
  title = title.trim();
  partial.title = title;

  let team = options.team ?? draft.team;
  const teams = Object.keys(config.teams);
  if (team === undefined && !yes && teams.length > 0 && isInteractive(ctx)) {
    const mine = config.people[me]?.team;
    const picked = await ask(ctx, 'select', teamQuestion(config, mine), '--team');
    team = picked === '' ? undefined : String(picked);
  }
  team ??= config.people[me]?.team;
  partial.team = team;

  let tags = options.tag ?? draft.tags;
  if (tags === undefined && !yes && isInteractive(ctx)) {
    const typed = await ask(ctx, 'input', tagsQuestion(), '--tag');
    tags = typed.split(',');
  }
  tags = [...new Set((tags ?? []).map((t) => t.trim()).filter(Boolean))];
  partial.tags = tags;

  const givenParent = options.parent ?? draft.parent;
  let parent = givenParent === undefined ? undefined : normaliseIdeaId(givenParent, '--parent');
  const themes = repo.ideas.filter(
    (idea) => idea.kind === 'theme' && !isClosed(config.lifecycle, statusOf(repo, idea.id)),
  );
  if (parent === undefined && !yes && themes.length > 0 && isInteractive(ctx)) {
    const picked = await ask(ctx, 'select', themeQuestion(themes), '--parent');
    parent = picked === '' ? undefined : String(picked);
  }
  partial.parent = parent;

  let campaign = options.campaign ?? draft.campaign;
  const campaigns = Object.entries(config.campaigns).filter(
    ([, c]) => c.closes >= ctx.today && (c.opens === undefined || c.opens <= ctx.today),
  );
  if (campaign === undefined && !yes && campaigns.length > 0 && isInteractive(ctx)) {
    const picked = await ask(ctx, 'select', campaignQuestion(campaigns), '--campaign');
    campaign = picked === '' ? undefined : String(picked);
  }
  partial.campaign = campaign;

  if (body === undefined) {
    const useEditor = Boolean(ctx.env.VISUAL || ctx.env.EDITOR);
    const templateText = session.read.tree.templateText ?? builtInTemplate();
    for (const section of missingSections) {
      const question = sectionQuestion(section, templateText);
      const answer = useEditor
        ? await ask(ctx, 'editor', { ...question, waitForUserInput: false }, '--body-file')
        : await ask(ctx, 'input', question, '--body-file');
      sectionsGiven.set(section.heading, answer);
      partial.body = bodyFromSections(template, sectionsGiven);
    }
    body = bodyFromSections(template, sectionsGiven);
  }

  const kind = options.theme ? 'theme' : (draft.kind ?? 'idea');
  return {
    title,
    team,
    tags,
    kind,
    parent,
    campaign,
    estimates: draft.estimates,
    body,
  };
}

/** Every id the new one must not take: this tree, the working tree, every branch. */
function takenIds(session: Session): Set<string> {
  const taken = new Set<string>();
  const add = (path: string) => {
    const placement = placeFile(path);
    if (placement.kind === 'idea' && placement.id) taken.add(placement.id);
  };
  for (const file of session.read.tree.files) add(file.path);
  try {
    for (const name of readdirSync(join(session.root, 'ideas'))) add(`ideas/${name}`);
  } catch {
    // no ideas/ folder yet
  }
  const prefix = findRootPrefix(session.git);
  if (prefix !== undefined) for (const id of idsOnBranches(session.git, prefix)) taken.add(id);
  return taken;
}

function sameIdWritten(root: string, id: string, mine: string): boolean {
  try {
    return readdirSync(join(root, 'ideas')).some(
      (name) => name.startsWith(`${id}-`) && `ideas/${name}` !== mine,
    );
  } catch {
    return false;
  }
}

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
  const ranked = new Map(
    rankIdeas(repo, {
      today: '9999-12-31',
      statuses: Object.keys(repo.config.lifecycle.transitions),
    }).map((r) => [r.idea.id, r]),
  );
  return index.similarTo({ id: '', title, body }, { limit: 5 }).map((match) => ({
    ...match,
    title: repo.ideasById.get(match.id)?.title ?? '',
    authors: repo.ideasById.get(match.id)?.authors ?? [],
    status: statusOf(repo, match.id),
    votes: ranked.get(match.id)?.votes ?? 0,
  }));
}

/** Undefined: write the idea. An id: vote for that one instead. */
async function confirmDespiteSimilar(
  ctx: Context,
  session: Session,
  similar: readonly SimilarIdea[],
  options: NewOptions,
  me: string,
): Promise<string | undefined> {
  const lines = similar.map(
    (s) =>
      `  ${s.id}  ${sanitizeLine(s.title)}  (${s.status}, ${s.votes} vote${s.votes === 1 ? '' : 's'}, ${Math.round(s.score * 100)}% alike)\n`,
  );
  ctx.err(`ideas: warning: existing ideas read like this one:\n${lines.join('')}`);
  if (options.yes) return undefined;
  if (!isInteractive(ctx)) {
    ctx.err(
      `ideas: nothing was written: pass --yes to write it anyway, or vote for one of them: ideas vote ${similar[0]?.id ?? 'ID'}\n`,
    );
    throw new ExitError(ExitCode.usage);
  }
  const choice = await ask(
    ctx,
    'select',
    similarQuestion(
      similar.map((s) => ({
        ...s,
        votable:
          !isClosed(session.config.lifecycle, s.status) &&
          (session.config.voting.self_votes || !s.authors.includes(me)),
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
