/**
 * Shell completion generated from the command table: the bash script sourced in a real bash
 * (COMPREPLY for commands, flags, choices and ids), typed into an interactive bash in tmux,
 * zsh completing on TAB in a real `zsh -f` with compinit (tmux), and fish through `complete -C`.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { BIN, runBinary, runCli } from './helpers/cli.js';
import { makeIdeasRepo } from './helpers/authoring.js';
import { tempDir } from './helpers/repo.js';
import { hasTmux, startTmux } from './helpers/tmux.js';
import { commandSpecs } from '../src/cli/specs/index.js';
import { buildCompletionModel } from '../src/completion/model.js';
import { RANKING_MODELS } from '../src/schema/ranking-models.js';

const has = (shell: string) => spawnSync(shell, ['--version']).status === 0;

/** A PATH with `ideas` as the built binary, as an installed package would put it. */
function binDir(): string {
  const dir = join(tempDir('ideas-bin-'), 'bin');
  mkdirSync(dir);
  const path = join(dir, 'ideas');
  writeFileSync(path, `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`);
  chmodSync(path, 0o755);
  return dir;
}

function completeInBash(root: string, script: string, words: string[]): string[] {
  const line = words.map((w) => `'${w}'`).join(' ');
  const program = `source "$1"
COMP_WORDS=(${line}); COMP_CWORD=$(( \${#COMP_WORDS[@]} - 1 )); COMPREPLY=()
_ideas
printf '%s\\n' "\${COMPREPLY[@]}"`;
  const result = spawnSync('bash', ['--norc', '-c', program, 'bash', script], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, PATH: `${binDir()}:${process.env.PATH ?? ''}` },
  });
  expect(result.stderr).toBe('');
  return result.stdout.split('\n').filter(Boolean);
}

describe('ideas completion bash', () => {
  it('completes commands, flags, --format and --by choices, statuses and ids', async () => {
    const root = makeIdeasRepo();
    const script = join(tempDir(), 'ideas.bash');
    const printed = await runCli(['completion', 'bash'], { cwd: root });
    expect(printed.code).toBe(0);
    writeFileSync(script, printed.stdout);
    const complete = (...words: string[]) => completeInBash(root, script, ['ideas', ...words]);

    expect(complete('ra')).toEqual(['rank']);
    expect(complete('im')).toEqual(['import']);
    expect(complete('')).toEqual(
      expect.arrayContaining(['new', 'rank', 'export', 'completion', '--no-pager']),
    );
    expect(complete('')).not.toContain('__complete'); // plumbing stays hidden
    expect(complete('rank', '--b')).toEqual(['--by']);
    expect(complete('rank', '--by', '')).toEqual([...RANKING_MODELS]);
    expect(complete('rank', '--format', '')).toEqual(['table', 'json', 'csv', 'md']);
    expect(complete('export', '--format', '')).toEqual(['json', 'csv']);
    expect(complete('list', '--status', 're')).toEqual(['reviewing', 'rejected']);
    expect(complete('show', '')).toEqual(['price01', 'ship01', 'theme01']);
    expect(complete('vote', 'sh')).toEqual(['ship01']);
    expect(complete('review', 'ship01', '--duplicate-of', 'p')).toEqual(['price01']);
    expect(complete('import', '')).toEqual(['json', 'github', 'canny', 'fider', 'uservoice']);
    expect(complete('completion', '')).toEqual(['bash', 'zsh', 'fish']);
  });

  it('every flag of every command in the table is in the script', async () => {
    const root = makeIdeasRepo();
    const script = (await runCli(['completion', 'bash'], { cwd: root })).stdout;
    // The table as run.ts builds it: every command configured by its spec.
    const program = new Command('ideas');
    for (const spec of commandSpecs)
      spec.configure(program.command(spec.usage, { hidden: spec.hidden === true }));
    const commands = buildCompletionModel(program).commands;
    expect(commands.map((c) => c.name)).toEqual(
      commandSpecs.filter((s) => s.hidden !== true).map((s) => s.usage.split(' ')[0]),
    );
    for (const command of commands)
      for (const option of command.options)
        for (const flag of option.flags.filter((f) => f.startsWith('--')))
          expect(script, `${command.name} ${flag}`).toContain(flag);
  });

  it('outside a repository ids complete to nothing, quietly', () => {
    const dir = tempDir();
    const result = runBinary(['__complete', 'ids'], { cwd: dir });
    expect(result).toMatchObject({ code: 0, stdout: '', stderr: '' });
  });

  it.skipIf(!hasTmux)('completes on TAB in an interactive bash (tmux)', async () => {
    const root = makeIdeasRepo();
    const script = join(tempDir(), 'ideas.bash');
    writeFileSync(script, runBinary(['completion', 'bash'], { cwd: root }).stdout);
    const rc = join(tempDir(), 'bashrc');
    writeFileSync(rc, `PS1='$ '\nPATH=${binDir()}:$PATH\nsource ${script}\n`);
    const term = startTmux(root, `bash --noprofile --rcfile ${rc} -i`);
    // capture-pane drops trailing spaces: "$ " reads as "$".
    await term.waitFor(/^\$$/m);
    term.type('ideas sho');
    term.keys('Tab');
    await term.waitFor(/^\$ ideas show$/m);
    term.type('sh');
    term.keys('Tab');
    await term.waitFor(/^\$ ideas show ship01$/m);
  });
});

describe('ideas completion zsh and fish', () => {
  it.skipIf(!has('zsh') || !hasTmux)(
    'completes on TAB in a real zsh -f with compinit (tmux): commands, flags, --format values, ids, statuses',
    async () => {
      const root = makeIdeasRepo();
      // Installed as the README says: the script as _ideas in a folder on $fpath.
      const functions = tempDir('ideas-zsh-');
      writeFileSync(
        join(functions, '_ideas'),
        runBinary(['completion', 'zsh'], { cwd: root }).stdout,
      );
      const term = startTmux(root, 'zsh -f');
      await term.waitFor(/[%#]$/m);
      term.type(
        `PS1='$ '; fpath=(${functions} $fpath); PATH=${binDir()}:$PATH; autoload -U compinit; compinit -u -D`,
      );
      term.keys('Enter');
      const prompt = /^\$$/m;
      await term.waitFor(prompt);
      /** Types `line`, presses TAB, waits for `shows`; then clears the line and the screen. */
      const complete = async (line: string, shows: RegExp) => {
        term.type(line);
        term.keys('Tab');
        const screen = await term.waitFor(shows);
        term.keys('C-c');
        term.keys('C-l');
        await term.waitFor(/^\$\s*$/);
        return screen;
      };
      await complete('ideas ra', /^\$ ideas rank$/m);
      await complete('ideas rank --fo', /^\$ ideas rank --format$/m);
      // Several candidates: zsh lists them under the line.
      await complete('ideas rank --format ', /^csv +json +md +table$/m);
      await complete('ideas export --format ', /^csv +json$/m);
      await complete('ideas vote --re', /^\$ ideas vote --retract$/m);
      // Ids from the repository, with their titles, through ideas __complete.
      const ids = await complete('ideas show ', /ship01 +-- Offer overnight shipping/);
      expect(ids).toMatch(/price01 +-- Cache the price list in the quoting tool/);
      expect(ids).toMatch(/theme01 +-- Faster delivery/);
      await complete('ideas show sh', /^\$ ideas show ship01$/m);
      await complete('ideas review ship01 --duplicate-of p', /--duplicate-of price01$/m);
      await complete('ideas list --status re', /^rejected +reviewing$/m);
    },
  );

  it.skipIf(!has('zsh'))('the zsh script parses in zsh', async () => {
    const root = makeIdeasRepo();
    const script = join(tempDir(), '_ideas');
    writeFileSync(script, (await runCli(['completion', 'zsh'], { cwd: root })).stdout);
    const result = spawnSync('zsh', ['-n', script], { encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it.skipIf(!has('fish'))('fish completes commands, choices and ids from the script', async () => {
    const root = makeIdeasRepo();
    const script = join(tempDir(), 'ideas.fish');
    writeFileSync(script, (await runCli(['completion', 'fish'], { cwd: root })).stdout);
    const complete = (line: string) =>
      spawnSync('fish', ['--no-config', '-c', `source ${script}; complete -C'${line}'`], {
        cwd: root,
        encoding: 'utf8',
        env: { ...process.env, PATH: `${binDir()}:${process.env.PATH ?? ''}` },
      })
        .stdout.split('\n')
        .filter(Boolean)
        .map((l) => l.split('\t')[0]);
    expect(complete('ideas ra')).toEqual(['rank']);
    expect(complete('ideas rank --fo')).toEqual(['--format']);
    expect(complete('ideas vote --re')).toEqual(['--retract']);
    expect(complete('ideas rank --format ').sort()).toEqual(['csv', 'json', 'md', 'table']);
    expect(complete('ideas rank --by ').sort()).toEqual([...RANKING_MODELS].sort());
    expect(complete('ideas show ')).toEqual(['price01', 'ship01', 'theme01']);
  });
});
