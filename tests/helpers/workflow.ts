/**
 * Runs the `run:` steps of a GitHub Actions job with bash, in order, the way the runner does:
 * `bash --noprofile --norc -eo pipefail`, the job's and step's `env`, `defaults.run.working-directory`,
 * `${{ … }}` expressions from a small context, `if:` on the event name, and `$GITHUB_ENV` lines
 * passed on to the later steps. `uses:` steps are the caller's job (the checkout is already there).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { parse } from 'yaml';

export interface WorkflowStep {
  name?: string;
  uses?: string;
  if?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
  run?: string;
  'working-directory'?: string;
}

export interface WorkflowJob {
  'runs-on': string;
  if?: string;
  needs?: string | string[];
  permissions?: Record<string, string>;
  defaults?: { run?: { 'working-directory'?: string } };
  env?: Record<string, string>;
  steps: WorkflowStep[];
}

export interface Workflow {
  name: string;
  on: Record<string, unknown>;
  permissions?: Record<string, string>;
  env?: Record<string, string>;
  jobs: Record<string, WorkflowJob>;
}

export function readWorkflow(path: string): Workflow {
  return parse(readFileSync(path, 'utf8')) as Workflow;
}

export interface RunnerContext {
  /** The checkout: GITHUB_WORKSPACE. */
  workspace: string;
  /** RUNNER_TEMP, outside the workspace. */
  temp: string;
  eventName: 'pull_request' | 'push';
  /** github.actor: who started the run. */
  actor?: string;
  /** `github.*` values an expression may name, e.g. `base_ref`, `event.pull_request.user.login`. */
  github: Record<string, string>;
  /** The runner's own environment (PATH, npm settings for the test registry…). */
  env: Record<string, string | undefined>;
}

export interface StepResult {
  step: WorkflowStep;
  status: number;
  stdout: string;
  stderr: string;
}

/** The value of one `${{ … }}` expression, from the names this helper knows. */
function evaluate(expression: string, ctx: RunnerContext, env: Record<string, string>): string {
  const name = expression.trim();
  if (name === 'runner.temp') return ctx.temp;
  if (name.startsWith('github.')) {
    const key = name.slice('github.'.length);
    if (key === 'event_name') return ctx.eventName;
    if (key === 'workspace') return ctx.workspace;
    if (key === 'actor') return ctx.actor ?? '';
    const value = ctx.github[key];
    if (value === undefined) throw new Error(`the test gave no value for ${name}`);
    return value;
  }
  if (name.startsWith('env.')) return env[name.slice(4)] ?? '';
  throw new Error(`this helper cannot evaluate \${{ ${name} }}`);
}

function expand(text: string, ctx: RunnerContext, env: Record<string, string>): string {
  return text.replace(/\$\{\{([^}]*)\}\}/g, (_, expression: string) =>
    evaluate(expression, ctx, env),
  );
}

/** Only the conditions our templates use: `github.<name> == '…'` or `!=`, joined by `&&`. */
export function shouldRun(condition: string | undefined, ctx: RunnerContext): boolean {
  if (condition === undefined) return true;
  return condition.split('&&').every((part) => {
    const match = /^(github\.[a-z_]+)\s*(==|!=)\s*'([^']+)'$/.exec(part.trim());
    if (!match) throw new Error(`this helper cannot evaluate if: ${condition}`);
    const value = evaluate(match[1] ?? '', ctx, {});
    return match[2] === '==' ? value === match[3] : value !== match[3];
  });
}

/**
 * Runs every `run:` step of one job until one fails, as the runner does; returns each step's
 * result, or undefined when the job's `if:` skips it. The workflow's `env` applies to every job.
 */
export function runWorkflowJob(
  workflow: Workflow,
  name: string,
  ctx: RunnerContext,
): StepResult[] | undefined {
  const job = workflow.jobs[name];
  if (!job) throw new Error(`the workflow has no job ${name}`);
  if (!shouldRun(job.if, ctx)) return undefined;
  return runJob({ ...job, env: { ...workflow.env, ...job.env } }, ctx);
}

/** Runs every `run:` step until one fails, as the runner does; returns each step's result. */
export function runJob(job: WorkflowJob, ctx: RunnerContext): StepResult[] {
  const githubEnv = join(ctx.temp, '_github_env');
  const summary = join(ctx.temp, '_step_summary.md');
  writeFileSync(githubEnv, '');
  if (!existsSync(summary)) writeFileSync(summary, '');
  const exported: Record<string, string> = {};
  const results: StepResult[] = [];
  for (const step of job.steps) {
    if (step.run === undefined || !shouldRun(step.if, ctx)) continue;
    const base: Record<string, string> = {
      CI: 'true',
      GITHUB_ACTIONS: 'true',
      GITHUB_WORKSPACE: ctx.workspace,
      GITHUB_EVENT_NAME: ctx.eventName,
      GITHUB_ENV: githubEnv,
      GITHUB_STEP_SUMMARY: summary,
      RUNNER_TEMP: ctx.temp,
      ...exported,
    };
    const env: Record<string, string> = { ...base };
    for (const [key, value] of Object.entries(job.env ?? {})) env[key] = expand(value, ctx, env);
    for (const [key, value] of Object.entries(step.env ?? {})) env[key] = expand(value, ctx, env);
    const dir = expand(
      step['working-directory'] ?? job.defaults?.run?.['working-directory'] ?? '.',
      ctx,
      env,
    );
    const cwd = isAbsolute(dir) ? dir : join(ctx.workspace, dir);
    const result = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', step.run], {
      cwd,
      encoding: 'utf8',
      env: { ...ctx.env, ...env },
      timeout: 240_000,
    });
    results.push({
      step,
      status: result.status ?? -1,
      stdout: result.stdout,
      stderr: result.stderr,
    });
    for (const line of readFileSync(githubEnv, 'utf8').split('\n')) {
      const at = line.indexOf('=');
      if (at > 0) exported[line.slice(0, at)] = line.slice(at + 1);
    }
    writeFileSync(githubEnv, '');
    if (result.status !== 0) break;
  }
  return results;
}

/** The summary the job wrote, as GitHub would show it. */
export function jobSummary(ctx: RunnerContext): string {
  const path = join(ctx.temp, '_step_summary.md');
  return existsSync(path) ? readFileSync(path, 'utf8') : '';
}
