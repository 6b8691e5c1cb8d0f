/** `ideas completion SHELL`: the script for that shell, from the command table. */
import { bashScript } from '../../completion/bash.js';
import { fishScript } from '../../completion/fish.js';
import { buildCompletionModel } from '../../completion/model.js';
import { zshScript } from '../../completion/zsh.js';
import { ExitCode } from '../../errors.js';
import type { CommandHandler } from '../spec.js';
import type { Command } from 'commander';

export interface CompletionOptions {
  program: Command;
}

export const run: CommandHandler<CompletionOptions> = async (ctx, args, options) => {
  const model = buildCompletionModel(options.program);
  const shell = args[0];
  ctx.out(
    shell === 'zsh' ? zshScript(model) : shell === 'fish' ? fishScript(model) : bashScript(model),
  );
  return Promise.resolve(ExitCode.ok);
};
