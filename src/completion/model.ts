/**
 * What shell completion knows, read from the program run.ts builds out of the one command
 * table: each command's flags, which of them take a value, their choices (`--format`, `--by`),
 * and what each argument names. The scripts for bash, zsh and fish are generated from this
 * value, so a new flag completes as soon as its spec declares it.
 */
import type { Command, Option } from 'commander';

/** What a value or argument names, when the shell can offer something for it. */
export type ValueKind = 'id' | 'status' | 'file' | 'dir' | 'other';

export interface CompletionOption {
  /** `--by`, and `-V` style short forms when there are any. */
  flags: string[];
  description: string;
  takesValue: boolean;
  choices: string[];
  kind: ValueKind;
}

export interface CompletionArgument {
  name: string;
  choices: string[];
  kind: ValueKind;
  variadic: boolean;
}

export interface CompletionCommand {
  name: string;
  summary: string;
  options: CompletionOption[];
  arguments: CompletionArgument[];
}

export interface CompletionModel {
  commands: CompletionCommand[];
  /** Flags of `ideas` itself, before any command. */
  globals: CompletionOption[];
}

const VALUE_KINDS: Record<string, ValueKind> = {
  root: 'dir',
  out: 'file',
  'body-file': 'file',
  'from-json': 'file',
  summary: 'file',
  status: 'status',
  'duplicate-of': 'id',
  parent: 'id',
  id: 'id',
  file: 'file',
  paths: 'file',
  dir: 'dir',
};

const HELP: CompletionOption = {
  flags: ['--help', '-h'],
  description: 'show help',
  takesValue: false,
  choices: [],
  kind: 'other',
};

/** Plumbing commands (`__complete`) are not offered. */
const isPlumbing = (command: Command) => command.name().startsWith('__');

function describeOption(option: Option): CompletionOption {
  const name = (option.long ?? '').replace(/^--(no-)?/, '');
  return {
    flags: [option.long, option.short].filter((f): f is string => typeof f === 'string'),
    description: option.description,
    takesValue: option.required || option.optional,
    choices: option.argChoices ?? [],
    kind: VALUE_KINDS[name] ?? 'other',
  };
}

/** The model of the program run.ts builds from the command table. */
export function buildCompletionModel(program: Command): CompletionModel {
  const commands = program.commands
    .filter((command) => !isPlumbing(command))
    .map((command): CompletionCommand => ({
      name: command.name(),
      summary: command.description(),
      options: [...command.options.filter((o) => !o.hidden).map(describeOption), HELP],
      arguments: command.registeredArguments.map((argument) => ({
        name: argument.name(),
        choices: argument.argChoices ?? [],
        kind: VALUE_KINDS[argument.name()] ?? 'other',
        variadic: argument.variadic,
      })),
    }));
  const globals = program.options.filter((o) => !o.hidden).map(describeOption);
  return { commands, globals: [HELP, ...globals] };
}
