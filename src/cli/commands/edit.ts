/**
 * `ideas edit <id>`: the idea's file in the user's editor, then the same gate as every writer:
 * nothing is saved that validate would reject. A rejected edit is kept as a draft, said where,
 * and the next `ideas edit` of that idea opens the draft again. A new title renames the file
 * to its new slug; the id never changes (votes and decisions name it).
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, lstatSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ExitCode, ExitError, UsageError } from '../../errors.js';
import { slugify } from '../../model/layout.js';
import { parseSource } from '../../parse/records.js';
import { writeFileAtomic } from '../../write/atomic.js';
import type { FileChange } from '../../model/types.js';
import type { Context } from '../context.js';
import { problemsAfter, refuseInvalid } from '../dry-run.js';
import { editorOf, openEditor } from '../editor.js';
import { resolveIdeaId } from '../idea-id.js';
import { publish, reportOutcome } from '../publish.js';
import { openSession, readCurrentText } from '../session.js';
import type { CommandHandler } from '../spec.js';
import type { AuthoringFlags } from '../specs/authoring-options.js';

/** Where a rejected edit waits: outside the repository, one file per repository and idea. */
export function draftPath(tempDir: string, root: string, id: string): string {
  const repo = createHash('sha256').update(root).digest('hex').slice(0, 12);
  return join(draftsFolder(tempDir), repo, `${id}.md`);
}

/**
 * The user's own drafts folder in the shared temporary folder. An existing draft is opened
 * without asking, so a folder another user made first (or a link) would let them choose what
 * the editor shows and what gets saved as the idea: it must be a real folder, this user's,
 * closed to everyone else.
 */
function draftsFolder(tempDir: string): string {
  const uid = process.getuid?.();
  const folder = join(tempDir, uid === undefined ? 'ideas-drafts' : `ideas-drafts-${uid}`);
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  const made = lstatSync(folder);
  const shared = uid !== undefined && (made.uid !== uid || (made.mode & 0o077) !== 0);
  if (!made.isDirectory() || shared)
    throw new UsageError(
      `${folder} is not a folder of yours alone, so a draft in it could be anyone's`,
      `remove it (rm -r ${folder}), or set TMPDIR to a folder of your own`,
    );
  return folder;
}

function requireEditor(ctx: Context): string {
  const editor = editorOf(ctx);
  if (!editor)
    throw new UsageError('no editor: set VISUAL or EDITOR', 'e.g. EDITOR=nano ideas edit <id>');
  return editor;
}

export const run: CommandHandler<AuthoringFlags> = async (ctx, args, options) => {
  const session = await openSession(ctx, options);
  const id = resolveIdeaId(session.repo, args[0] ?? '');
  const idea = session.repo.ideasById.get(id);
  if (!idea) throw new UsageError(`there is no idea "${id}"`);
  const current = readCurrentText(session, idea.path);
  if (current === undefined) throw new UsageError(`${idea.path} cannot be read`);

  const editor = requireEditor(ctx);
  const draft = draftPath(ctx.tempDir, session.root, id);
  mkdirSync(join(draft, '..'), { recursive: true, mode: 0o700 });
  const resumed = existsSync(draft);
  if (resumed) ctx.err(`ideas: opening your earlier draft of ${id} (${draft})\n`);
  else writeFileAtomic(draft, current);
  openEditor(ctx, editor, draft);
  const text = readFileSync(draft, 'utf8');
  if (text === current) {
    rmSync(draft, { force: true });
    ctx.out(`no change to ${idea.path}\n`);
    return ExitCode.ok;
  }

  const fields = parseSource(text, 'idea').fields;
  const newId = fields?.id;
  if (typeof newId === 'string' && newId !== id) {
    ctx.err(
      `ideas: the id cannot change (votes and decisions name it): put back "id: ${id}"\n  your text is kept in ${draft}; run "ideas edit ${id}" to go on\n`,
    );
    throw new ExitError(ExitCode.usage);
  }
  const title = typeof fields?.title === 'string' ? fields.title : idea.title;
  const path = title === idea.title ? idea.path : `ideas/${id}-${slugify(title)}.md`;
  const changes: FileChange[] =
    path === idea.path
      ? [{ path, text, exclusive: false }]
      : [
          { path: idea.path, text: null, exclusive: false },
          { path, text, exclusive: true },
        ];
  try {
    refuseInvalid(ctx, problemsAfter(session, changes, ctx.today), 'the edit');
  } catch (error) {
    ctx.err(`  your text is kept in ${draft}; run "ideas edit ${id}" to go on from it\n`);
    throw error;
  }
  const outcome = publish(ctx, session, {
    changes,
    branch: `idea/${id}-edit-${randomBytes(3).toString('hex')}`,
    message:
      path === idea.path
        ? `Edit ${id}: ${title}`
        : `Edit ${id}: ${title} (renamed ${idea.path} to ${path})`,
    title: `Edit ${id}: ${title}`,
  });
  rmSync(draft, { force: true });
  reportOutcome(
    ctx,
    session,
    { ...outcome, paths: [path] },
    options.format,
    { id, path },
    path === idea.path ? 'wrote' : `renamed ${idea.path} to`,
  );
  return ExitCode.ok;
};
