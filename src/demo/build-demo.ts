/** Writes the demo history into a real git repository with one `git fast-import`. */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { GitError, UsageError } from '../errors.js';
import { DEMO_EMAIL_DOMAIN, generateDemoHistory, type DemoCommit } from './history.js';

export interface DemoRepository {
  root: string;
  commits: number;
  ideas: number;
  votes: number;
  decisions: number;
}

/** The folder the demo goes in: new or empty, and whether this run made it. */
export interface DemoFolder {
  root: string;
  made: boolean;
}

export function prepareDemoFolder(
  cwd: string,
  dir: string | undefined,
  tempDir: string,
): DemoFolder {
  if (dir === undefined) return { root: mkdtempSync(join(tempDir, 'ideas-demo-')), made: true };
  const root = resolve(cwd, dir);
  const existed = existsSync(root);
  if (existed && readdirSync(root).length > 0) {
    throw new UsageError(
      `${root} is not empty`,
      'name a new or empty folder for the demo, or leave out --dir',
    );
  }
  mkdirSync(root, { recursive: true });
  return { root, made: !existed };
}

/**
 * A demo cut short (a full disk, git failing) is no repository to try commands on: the folder
 * goes back to how it was, removed when this run made it, else emptied (it was empty).
 */
export function discardDemoFolder({ root, made }: DemoFolder): void {
  if (made) {
    rmSync(root, { recursive: true, force: true });
    return;
  }
  for (const entry of readdirSync(root))
    rmSync(join(root, entry), { recursive: true, force: true });
}

export function buildDemoRepository(
  root: string,
  templateText: string,
  env: Record<string, string | undefined>,
): DemoRepository {
  const history = generateDemoHistory(templateText);
  const gitIn = (args: string[], input?: string) => {
    try {
      return execFileSync('git', args, {
        cwd: root,
        input,
        stdio: ['pipe', 'pipe', 'pipe'],
        env: { ...env, GIT_CONFIG_NOSYSTEM: '1' },
      });
    } catch (error) {
      const stderr = (error as { stderr?: Buffer }).stderr?.toString().trim();
      throw new GitError(
        `git ${args[0]} failed while building the demo: ${stderr || (error as Error).message}`,
      );
    }
  };
  gitIn(['init', '-q', '-b', 'main']);
  gitIn(['fast-import', '--quiet'], fastImportStream(history));
  gitIn(['checkout', '-q', '-f', 'main']);
  const count = (prefix: string) =>
    history.reduce(
      (n, c) => n + Object.keys(c.files).filter((f) => f.startsWith(prefix)).length,
      0,
    );
  return {
    root,
    commits: history.length,
    ideas: count('ideas/'),
    votes: count('votes/'),
    decisions: count('decisions/'),
  };
}

/** git fast-import's input: every commit with its own author, date and files, in one stream. */
function fastImportStream(history: DemoCommit[]): string {
  const parts: string[] = [];
  const data = (text: string) => `data ${Buffer.byteLength(text)}\n${text}\n`;
  for (const commit of history) {
    const seconds = Math.floor(Date.parse(commit.date) / 1000);
    const who = `${commit.author} <${commit.author}@${DEMO_EMAIL_DOMAIN}> ${seconds} +0000`;
    parts.push(`commit refs/heads/main\nauthor ${who}\ncommitter ${who}\n${data(commit.message)}`);
    for (const [path, text] of Object.entries(commit.files))
      parts.push(`M 100644 inline ${path}\n${data(text)}`);
  }
  return parts.join('');
}
