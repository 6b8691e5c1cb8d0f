// `--no-cache` on every read command: listed from the command table, so a new command is either
// a read command (and takes the flag, and the flag turns its caches off) or named here as not one.
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { commandSpecs } from '../src/cli/specs/index.js';
import { runBinary } from './helpers/cli.js';
import { git, tempDir } from './helpers/repo.js';
import { branchAs, makeForge, voteText } from './helpers/forge.js';

/** Commands that write, or read no ideas repository: no cache to turn off. */
const NOT_READING = ['init', 'new', 'vote', 'review', 'edit', 'import', 'completion', '__complete'];

/** Each read command as the effect test runs it: on the forge's clone, a branch pushed. */
const READ_COMMANDS: Record<string, (out: string) => string[]> = {
  rank: () => ['rank'],
  list: () => ['list'],
  show: () => ['show', 'shipa1'],
  queue: () => ['queue'],
  changes: () => ['changes', '--since', '2000-01-01'],
  changelog: () => ['changelog', '--since', '2000-01-01'],
  report: () => ['report', '--format', 'json'],
  site: (out) => ['site', '--out', join(out, 'site')],
  roadmap: () => ['roadmap'],
  index: () => ['index', '--ref', 'HEAD'],
  validate: () => ['validate'],
  check: () => ['check', '--base', 'origin/main', '--head', 'origin/vote/erin'],
  pending: () => ['pending'],
  export: () => ['export'],
  demo: (out) => ['demo', '--dir', join(out, 'demo')],
};

const nameOf = (usage: string) => usage.split(' ')[0] ?? usage;

function optionsOf(configure: (command: Command) => void): string[] {
  const command = new Command('x');
  configure(command);
  return command.options.map((option) => option.long ?? '');
}

/** What a run left in a git directory's cache folder: the parse cache and result files. */
function cacheFiles(gitDir: string): string[] {
  const folder = join(gitDir, 'ideas');
  const found: string[] = [];
  const parses = join(folder, 'parse-cache');
  if (existsSync(parses)) found.push(...readdirSync(parses).map((name) => `parse-cache/${name}`));
  const results = join(folder, 'results');
  if (existsSync(results)) found.push(...readdirSync(results).map((name) => `results/${name}`));
  return found;
}

describe('--no-cache', () => {
  it('is taken by every read command of the command table, and every command is classified', () => {
    const names = commandSpecs.map((spec) => nameOf(spec.usage));
    expect([...names].sort()).toEqual([...NOT_READING, ...Object.keys(READ_COMMANDS)].sort());
    for (const spec of commandSpecs) {
      const name = nameOf(spec.usage);
      const options = optionsOf((command) => spec.configure(command));
      if (name in READ_COMMANDS) expect(options, name).toContain('--no-cache');
    }
  });

  it('keeps every read command from reading or writing a cache, which it uses without the flag', () => {
    const forge = makeForge();
    branchAs(
      forge,
      'erin',
      'vote/erin',
      { 'votes/chat22/erin.md': voteText('chat22', 'erin') },
      {
        push: true,
      },
    );
    git(forge.root, 'checkout', '-q', 'main');
    const gitDir = join(forge.root, '.git');
    const out = tempDir();
    const env = { IDEAS_CACHE_TRACE: '1' };
    for (const [name, argv] of Object.entries(READ_COMMANDS)) {
      // demo builds its own repository: its caches are that one's.
      const where = name === 'demo' ? join(out, 'demo', '.git') : gitDir;
      rmSync(join(out, 'demo'), { recursive: true, force: true });
      rmSync(join(gitDir, 'ideas'), { recursive: true, force: true });
      const off = runBinary([...argv(out), '--no-cache'], { cwd: forge.root, env });
      expect(off.code, `${name} --no-cache: ${off.stderr}`).toBe(0);
      expect(cacheFiles(where), `${name} --no-cache`).toEqual([]);
      expect(off.stderr, name).not.toMatch(/cache:/);

      rmSync(join(out, 'demo'), { recursive: true, force: true });
      const on = runBinary(argv(out), { cwd: forge.root, env });
      expect(on.code, `${name}: ${on.stderr}`).toBe(0);
      expect(
        cacheFiles(where).some((file) => file.startsWith('parse-cache/')),
        name,
      ).toBe(true);
    }
  }, 240_000);
});
