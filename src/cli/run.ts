/**
 * `run({argv, cwd, env, stdin, stdout, stderr})` -> exit code: the whole CLI as a function, so
 * tests drive it in-process and the bin only hands it the real process. Errors become exit
 * codes here and nowhere else.
 */
import { Command, CommanderError } from 'commander';
import {
  ConfigError,
  ExitCode,
  ExitError,
  GitError,
  InterruptedError,
  UsageError,
} from '../errors.js';
import { makeContext, type Context, type Io } from './context.js';
import { commandSpecs } from './specs/index.js';
import type { CommandSpec } from './spec.js';
import { sanitizeForTerminal, sanitizeLine } from '../format/sanitize.js';
import { PAGED_COMMANDS, startPaging } from './pager.js';
import { startJsonFields } from './json-fields.js';

declare const IDEAS_VERSION: string | undefined;

export async function run(io: Io): Promise<number> {
  let ctx: Context;
  try {
    ctx = makeContext(io);
  } catch (error) {
    // Nothing ran yet: the streams alone are enough to say what is wrong (IDEAS_TODAY).
    return reportError({ env: io.env, err: (text) => void io.stderr.write(text) }, error);
  }
  let exitCode: number = ExitCode.ok;
  const program = new Command('ideas')
    .description(
      'Bottom-up idea management in git: ideas, votes and review decisions as Markdown files.',
    )
    .version(typeof IDEAS_VERSION === 'string' ? IDEAS_VERSION : 'dev', '-V, --version')
    .option('--no-pager', 'never send long output through a pager (PAGER, else less -FRX)')
    .exitOverride()
    .configureOutput(outputTo(ctx))
    .showHelpAfterError('(run with --help for usage)')
    .addHelpText(
      'after',
      `
Start with:
  $ ideas demo            # a sample repository to try every command on
  $ ideas init            # make this folder an ideas repository

Exit codes: 0 ok, 1 problems found, 2 usage or config error, 3 git failed.
Colour follows NO_COLOR and FORCE_COLOR, and is off when output is not a terminal.`,
    );
  for (const spec of commandSpecs) addCommand(program, spec, ctx, (code) => (exitCode = code));

  if (io.argv.length === 0) {
    ctx.err(program.helpInformation());
    return ExitCode.usage;
  }
  try {
    await program.parseAsync(io.argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    return reportError(ctx, error);
  }
}

/**
 * Where commander writes help and its own errors. Its errors quote what was typed (an unknown
 * option, a choice not allowed), which may hold terminal escapes: they are printed defused.
 */
function outputTo(ctx: Context) {
  return {
    writeOut: ctx.out,
    writeErr: ctx.err,
    outputError: (text: string, write: (text: string) => void) => write(sanitizeForTerminal(text)),
  };
}

function addCommand(
  program: Command,
  spec: CommandSpec,
  ctx: Context,
  setExit: (code: number) => void,
): void {
  const command = program
    .command(spec.usage, { hidden: spec.hidden === true })
    .description(spec.summary)
    .exitOverride()
    .configureOutput(outputTo(ctx))
    .showHelpAfterError(`(run "ideas ${spec.usage.split(' ')[0]} --help" for usage)`);
  spec.configure(command);
  command.addHelpText(
    'after',
    `\nExamples:\n${spec.examples.map((line) => `  $ ${line}`).join('\n')}\n`,
  );
  command.action(async (...params: unknown[]) => {
    // commander passes the declared arguments, then the options object, then the command.
    const args = params
      .slice(0, -2)
      .flatMap((a) =>
        typeof a === 'string'
          ? [a]
          : Array.isArray(a)
            ? a.filter((v) => typeof v === 'string')
            : [],
      );
    // Long output through a pager, and `--json FIELD,…`: both at this one output point.
    const paging = PAGED_COMMANDS.has(command.name())
      ? startPaging(ctx, command.optsWithGlobals().pager !== false)
      : undefined;
    const out = paging?.ctx ?? ctx;
    const fields = startJsonFields(out, command.opts());
    try {
      setExit(await spec.run(fields?.ctx ?? out, args, fields?.options ?? command.opts()));
      fields?.finish();
    } finally {
      await paging?.finish();
    }
  });
}

/** A message and its hint, each line made safe; git's own multi-line words keep their breaks. */
function explain(message: string, hint: string | undefined): string {
  const lines = (text: string) => text.split(/\r\n|\r|\n/).filter((line) => line.trim() !== '');
  const [first = '', ...rest] = lines(message).map(sanitizeLine);
  return `ideas: ${first}\n${rest.map((l) => `  ${l}\n`).join('')}${
    hint
      ? lines(hint)
          .map((l, i) => `  ${i === 0 ? 'hint: ' : '  '}${sanitizeLine(l)}\n`)
          .join('')
      : ''
  }`;
}

function reportError(ctx: Pick<Context, 'env' | 'err'>, error: unknown): number {
  if (error instanceof CommanderError) {
    if (
      error.code === 'commander.helpDisplayed' ||
      error.code === 'commander.version' ||
      error.code === 'commander.help'
    ) {
      return error.exitCode === 0 ? ExitCode.ok : ExitCode.usage;
    }
    return ExitCode.usage; // commander already said what was wrong
  }
  if (error instanceof ExitError) return error.code;
  if (error instanceof InterruptedError) {
    ctx.err(explain(error.message, error.hint));
    return ExitCode.interrupted;
  }
  if (error instanceof UsageError) {
    ctx.err(explain(error.message, error.hint));
    return ExitCode.usage;
  }
  if (error instanceof ConfigError) {
    const lines = error.problems.map(
      (p) =>
        `${p.file}:${p.line}:${p.column}  ${p.severity}  ${p.rule}  ${sanitizeLine(p.message)}`,
    );
    ctx.err(`ideas: ${sanitizeLine(error.message)}\n${lines.map((l) => `  ${l}\n`).join('')}`);
    return ExitCode.usage;
  }
  if (error instanceof GitError) {
    ctx.err(explain(error.message, error.hint));
    return ExitCode.git;
  }
  const detail =
    error instanceof Error
      ? ctx.env.IDEAS_DEBUG
        ? (error.stack ?? error.message)
        : error.message
      : String(error);
  ctx.err(
    `ideas: internal error: ${detail}\n  this is a bug in ideas: please report it with the command you ran (IDEAS_DEBUG=1 shows the stack)\n`,
  );
  return ExitCode.internal;
}
