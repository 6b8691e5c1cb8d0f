/**
 * How a command is declared: its flags and help load at start-up, its code only when it runs.
 * Each spec parses commander's options into its own typed value once (`parse`), so handlers
 * never cast: what reaches `run` has the type the flags promise.
 */
import type { Command } from 'commander';
import type { Context } from './context.js';
import { PROBLEM_FORMATS } from '../format/problem-formats.js';

/** What commander hands over: names to values it did not type. */
export type RawOptions = Readonly<Record<string, unknown>>;

/** Runs a command; resolves to the exit code. */
export type CommandHandler<O> = (ctx: Context, args: string[], options: O) => Promise<number>;

export interface TypedCommandSpec<O> {
  /** Name and arguments as commander reads them, e.g. `validate [paths...]`. */
  usage: string;
  summary: string;
  examples: string[];
  /** Left out of `ideas --help` (plumbing for shell completion). */
  hidden?: boolean;
  configure(command: Command): void;
  /** commander's options as this command's typed value; throws UsageError on a bad value. */
  parse(options: RawOptions): O | Promise<O>;
  load(): Promise<{ run: CommandHandler<O> }>;
}

/** A spec in the command table: its option type is hidden behind `run`. */
export interface CommandSpec {
  usage: string;
  summary: string;
  examples: string[];
  hidden?: boolean;
  configure(command: Command): void;
  run(ctx: Context, args: string[], options: RawOptions): Promise<number>;
}

export function defineCommand<O>(spec: TypedCommandSpec<O>): CommandSpec {
  return {
    usage: spec.usage,
    summary: spec.summary,
    examples: spec.examples,
    ...(spec.hidden === true ? { hidden: true } : {}),
    configure: (command) => spec.configure(command),
    run: async (ctx, args, options) => {
      const typed = await spec.parse(options);
      const { run } = await spec.load();
      return run(ctx, args, typed);
    },
  };
}

/** The output formats of validate and check: one list for the CLI's choices and the formatters' type. */
export const FORMAT_CHOICES = PROBLEM_FORMATS;
