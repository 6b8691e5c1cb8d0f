/**
 * `ideas new`: asks for what the flags did not give (similar ideas are shown as soon as the title
 * is known; with an editor the whole body is one editor session), allocates an id no branch
 * has, and writes the idea (or commits it on its own branch).
 */
import { TEMPLATE_PATH } from '../../model/layout.js';
import { randomBytes, randomInt } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ExitCode, GitError, InterruptedError, UsageError } from '../../errors.js';
import { bodyFromSections, renderIdea, type NewIdea } from '../../format/record-files.js';
import { sanitizeLine } from '../../format/sanitize.js';
import { idsOnBranches } from '../../git/authoring.js';
import { findRootPrefix } from '../../git/locate.js';
import { allocateId } from '../../model/ids.js';
import { isClosed, statusOf } from '../../model/lifecycle.js';
import type { Estimates } from '../../model/types.js';
import { placeFile, slugify } from '../../model/layout.js';
import { estimatesRead } from '../../rank/models.js';
import { writeFileAtomic } from '../../write/atomic.js';
import { FileExistsError } from '../../write/working-tree.js';
import { problemsAfter, refuseInvalid } from '../dry-run.js';
import { normaliseIdeaId } from '../idea-id.js';
import { readInput } from '../input.js';
import { publish, reportOutcome, type Outcome } from '../publish.js';
import { identifyUser, openSession, type Session } from '../session.js';
import type { Context } from '../context.js';
import { editorOf, openEditor } from '../editor.js';
import { checkEstimate } from '../estimates.js';
import { editorText, editorTextAgain, isEmptyBody, stripHints } from '../new-body.js';
import { checkSimilar } from '../new-similar.js';
import {
  campaignQuestion,
  estimateQuestion,
  sectionQuestion,
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
  writeDraft,
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
  /** --estimate name=number, checked against the schema's names by the spec. */
  estimate: Estimates | undefined;
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
  const resuming = options.fromJson !== undefined && resolve(ctx.cwd, options.fromJson) === kept;
  if (options.fromJson === undefined && isInteractive(ctx) && existsSync(kept))
    ctx.err(`ideas: the answers of an interrupted run are kept: ideas new --from-json ${kept}\n`);
  const partial: Partial<Answers> = {};
  let gathered: Answers | { voteFor: string };
  try {
    gathered = await gatherAnswers(ctx, session, draft, options, me.handle, partial, {
      kept,
      resuming,
    });
  } catch (error) {
    // Ctrl-C: what was typed so far is not lost; the next run offers it.
    if (error instanceof InterruptedError) throw keepDraftOnCancel(kept, draft, partial);
    throw error;
  }
  if ('voteFor' in gathered) return castVote(ctx, session, gathered.voteFor, options.vote);
  const answers = gathered;

  const taken = takenIds(session);
  for (let attempt = 0; attempt < 5; attempt++) {
    const id = allocateId(taken, randomInt);
    taken.add(id);
    const path = `ideas/${id}-${slugify(answers.title)}.md`;
    const idea: NewIdea = { ...answers, id, authors: [me.handle], created: ctx.today };
    const changes = [{ path, text: renderIdea(idea), exclusive: true }];
    try {
      // Similar ideas were shown above; the rule's warning would only repeat them.
      refuseInvalid(
        ctx,
        problemsAfter(session, changes, ctx.today, ['repo/similar-ideas']),
        'this idea',
      );
    } catch (error) {
      // A body typed here is not lost to a refusal: fixed, it is one command away.
      if (partial.body !== undefined && writeDraft(kept, answers))
        ctx.err(`  your text is kept: fix it with ideas new --from-json ${kept}\n`);
      throw error;
    }
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
    if (resuming) rmSync(kept, { force: true });
    return ExitCode.ok;
  }
  throw new UsageError('could not find a free idea id: run the command again');
};

interface DraftPlace {
  /** The file this repository's unfinished answers go to. */
  kept: string;
  /** This run was started from that file (--from-json): its body opens in the editor again. */
  resuming: boolean;
}

async function gatherAnswers(
  ctx: Context,
  session: Session,
  draft: Draft,
  options: NewOptions,
  me: string,
  partial: Partial<Answers>,
  place: DraftPlace,
): Promise<Answers | { voteFor: string }> {
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
  // The body is built from the template's headings alone: any other section would be lost.
  const unknownSections = [...sectionsGiven.keys()].filter(
    (heading) => !template.some((section) => section.heading === heading),
  );
  if (body === undefined && unknownSections.length > 0)
    throw new UsageError(
      `--from-json ${options.fromJson ?? '-'}: ${unknownSections.map((h) => `"sections.${sanitizeLine(h)}"`).join(', ')} ${unknownSections.length === 1 ? 'is not a section' : 'are not sections'} of the template`,
      `the sections are ${template.map((s) => `"${sanitizeLine(s.heading)}"`).join(', ')}; or give the whole Markdown as "body"`,
    );
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

  // Before any other question: someone may have had this idea already.
  const similar = { title, yes, me, shown: new Set<string>() };
  const known = body ?? (sectionsGiven.size > 0 ? bodyFromSections(template, sectionsGiven) : '');
  const target = await checkSimilar(ctx, session, { ...similar, body: known });
  if (target !== undefined) return { voteFor: target };

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

  const estimates = await askEstimates(
    ctx,
    session,
    { ...draft.estimates, ...options.estimate },
    yes,
  );
  partial.estimates = estimates;

  const editor = editorOf(ctx);
  const reopen = body !== undefined && place.resuming && editor !== undefined && isInteractive(ctx);
  const typed = missingSections.length > 0 || reopen;
  if (reopen && body !== undefined && editor !== undefined) {
    // A kept body was refused last time: open it again to be fixed.
    body = editBody(ctx, editor, place.kept, editorTextAgain(title, body), partial);
  } else if (missingSections.length > 0 && editor !== undefined) {
    const templateText = session.read.tree.templateText ?? builtInTemplate();
    body = editBody(
      ctx,
      editor,
      place.kept,
      editorText(title, template, templateText, sectionsGiven),
      partial,
    );
  } else if (body === undefined) {
    const templateText = session.read.tree.templateText ?? builtInTemplate();
    for (const section of missingSections) {
      const answer = await ask(ctx, 'input', sectionQuestion(section, templateText), '--body-file');
      sectionsGiven.set(section.heading, answer);
      partial.body = bodyFromSections(template, sectionsGiven);
    }
    body = bodyFromSections(template, sectionsGiven);
  }
  if (typed) partial.body = body;
  if (typed) {
    // The body may bring up ideas the title alone did not: those, and only those, are shown.
    const more = await checkSimilar(ctx, session, { ...similar, body });
    if (more !== undefined) return { voteFor: more };
  }

  const kind = options.theme ? 'theme' : (draft.kind ?? 'idea');
  return { title, team, tags, kind, parent, campaign, estimates, body };
}

/** The estimates the configured ranking model reads and no flag gave, asked one by one (blank skips). */
async function askEstimates(
  ctx: Context,
  session: Session,
  given: Estimates,
  yes: boolean,
): Promise<Estimates | undefined> {
  const estimates: Estimates = { ...given };
  const model = session.config.ranking.model;
  if (!yes && isInteractive(ctx)) {
    for (const name of estimatesRead(model).filter((n) => estimates[n] === undefined)) {
      const answer = await ask(ctx, 'input', estimateQuestion(name, model), '--estimate');
      const value = answer.trim() === '' ? undefined : checkEstimate(name, answer);
      if (typeof value === 'number') estimates[name] = value;
    }
  }
  return Object.keys(estimates).length > 0 ? estimates : undefined;
}

/**
 * One editor session for the whole body. An empty one writes nothing; the other answers are
 * kept for the next run, which opens the editor again.
 */
function editBody(
  ctx: Context,
  editor: string,
  kept: string,
  text: string,
  partial: Partial<Answers>,
): string {
  // One file per session: two runs in one repository never edit the same file.
  const file = kept.replace(/\.json$/, `-${randomBytes(4).toString('hex')}.md`);
  writeFileAtomic(file, text);
  try {
    openEditor(ctx, editor, file);
  } catch (error) {
    // The text stays in the editor's file (the error says where); the other answers in the draft.
    writeDraft(kept, partial);
    throw error;
  }
  const body = stripHints(readFileSync(file, 'utf8'));
  rmSync(file, { force: true });
  if (isEmptyBody(body)) {
    const hint = writeDraft(kept, partial)
      ? `write under each heading; your other answers are kept: ideas new --from-json ${kept}`
      : 'write under each heading';
    throw new UsageError('the body is empty, so nothing was written', hint);
  }
  return body;
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
