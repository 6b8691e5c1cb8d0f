/** How a command is declared: its flags and help load at start-up, its code only when it runs. */
import type { Command } from 'commander';
import type { Context } from './context.js';

export type CommandOptions = Record<string, unknown>;

/** Runs a command; resolves to the exit code. */
export type CommandHandler = (
  ctx: Context,
  args: string[],
  options: CommandOptions,
) => Promise<number>;

export interface CommandSpec {
  /** Name and arguments as commander reads them, e.g. `validate [paths...]`. */
  usage: string;
  summary: string;
  examples: string[];
  configure(command: Command): void;
  load(): Promise<{ run: CommandHandler }>;
}

export const FORMAT_CHOICES = ['text', 'json', 'github'] as const;
