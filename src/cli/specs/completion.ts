import { Command } from 'commander';
import type { CompletionOptions } from '../commands/completion.js';
import { defineCommand, type RawOptions } from '../spec.js';
import { optionalString } from '../options.js';
import type { ReadFlags } from '../options.js';

export const SHELLS = ['bash', 'zsh', 'fish'] as const;

function parseCompletionOptions(options: RawOptions): CompletionOptions {
  const program = options.program;
  if (!(program instanceof Command)) throw new Error('the completion command runs inside ideas');
  return { program };
}

export const completionSpec = defineCommand({
  usage: 'completion <shell>',
  summary: 'print a shell completion script (bash, zsh or fish): commands, flags, choices, ids',
  examples: [
    'ideas completion bash > ~/.local/share/bash-completion/completions/ideas',
    'ideas completion zsh > "${fpath[1]}/_ideas"',
    'ideas completion fish > ~/.config/fish/completions/ideas.fish',
  ],
  configure(command) {
    const [shell] = command.registeredArguments;
    shell?.choices(SHELLS);
    // The script describes the program as run.ts built it from the command table: hand it
    // over here rather than import the table, which lists this very command.
    command.hook('preAction', (_self, action) => {
      action.setOptionValue('program', action.parent);
    });
  },
  parse: parseCompletionOptions,
  load: () => import('../commands/completion.js'),
});

function parseCompleteOptions(options: RawOptions): ReadFlags {
  return { root: optionalString(options, 'root'), ref: undefined };
}

/** What the completion scripts call for values only the repository knows. */
export const completeSpec = defineCommand({
  usage: '__complete <what>',
  summary: 'ids ("id<TAB>title") or statuses, one a line, for shell completion',
  examples: ['ideas __complete ids'],
  hidden: true,
  configure(command) {
    command.option('--root <dir>', 'the ideas repository (default: found upwards from here)');
  },
  parse: parseCompleteOptions,
  load: () => import('../commands/complete.js'),
});
