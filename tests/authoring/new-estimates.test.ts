/**
 * Estimates in `ideas new`: asked in a real terminal (tmux) for the inputs of the ranking model
 * the config names, and taken from `--estimate name=number` without one.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, runBinary, runCli } from '../helpers/cli.js';
import { CONFIG, OTHER_BODY, TREE, makeIdeasRepo } from '../helpers/authoring.js';
import { hasTmux, startCommand } from '../helpers/tmux.js';

const withModel = (model: string) =>
  makeIdeasRepo('alice@example.com', {
    ...TREE,
    'ideas.config.yaml': `${CONFIG}ranking: {model: ${model}}\n`,
  });

const FLAGS = [
  '--title',
  'Printer runbooks',
  '--team',
  'ops',
  '--tag',
  'printers',
  '--parent',
  'theme01',
  '--campaign',
  'faster-delivery',
];

function writtenText(root: string): string {
  const [name] = readdirSync(join(root, 'ideas')).filter((n) => n.includes('printer-runbooks'));
  return readFileSync(join(root, 'ideas', name ?? ''), 'utf8');
}

describe.skipIf(!hasTmux)('ideas new asks for estimates in a real terminal (tmux)', () => {
  it('asks what the configured model (rice) reads and no flag gave; checks each; blank skips', async () => {
    const root = withModel('rice');
    writeFileSync(join(root, 'body.md'), OTHER_BODY);
    const term = startCommand(
      root,
      `env -u EDITOR -u VISUAL NO_COLOR=1 IDEAS_TODAY=2026-11-24 ${process.execPath} ${BIN} new ${FLAGS.map((f) => `'${f}'`).join(' ')} --body-file body.md --estimate reach=4000`,
    );
    await term.waitFor('Estimate: impact for rice (how much it moves each of them; blank to skip)');
    // reach came from the flag: it is not asked.
    expect(term.screen()).not.toContain('Estimate: reach');
    term.type('2');
    term.keys('Enter');
    await term.waitFor('Estimate: confidence for rice (how sure you are, from 0 to 1');
    term.type('1.5');
    term.keys('Enter');
    await term.waitFor('confidence is a fraction from 0 to 1');
    term.keys('BSpace', 'BSpace', 'BSpace');
    term.type('0.8');
    term.keys('Enter');
    await term.waitFor('Estimate: effort for rice');
    term.keys('Enter'); // blank: no effort estimate
    await term.waitFor('wrote ideas/');
    expect(await term.exitCode()).toBe('0');
    expect(writtenText(root)).toContain(
      'campaign: faster-delivery\nestimates:\n  reach: 4000\n  impact: 2\n  confidence: 0.8\n---\n',
    );
    expect(runBinary(['validate'], { cwd: root }).code).toBe(0);
  });
  it('asks no estimate when the model reads none (votes), nor with --yes', async () => {
    for (const [model, extra] of [
      ['votes', ''],
      ['ice', '--yes'],
    ] as const) {
      const root = withModel(model);
      writeFileSync(join(root, 'body.md'), OTHER_BODY);
      // In a terminal: a question would wait, and "wrote" would never show.
      const term = startCommand(
        root,
        `env -u EDITOR -u VISUAL NO_COLOR=1 IDEAS_TODAY=2026-11-24 ${process.execPath} ${BIN} new ${FLAGS.map((f) => `'${f}'`).join(' ')} --body-file body.md ${extra}`,
      );
      await term.waitFor('wrote ideas/');
      expect(await term.exitCode()).toBe('0');
      expect(term.screen()).not.toContain('Estimate:');
      expect(writtenText(root)).not.toContain('estimates');
    }
  });
});

describe('ideas new --estimate', () => {
  it('writes the estimates given, repeated flag by flag, without asking', async () => {
    const root = withModel('wsjf');
    const result = await runCli(
      [
        'new',
        ...FLAGS,
        '--body-file',
        '-',
        '--estimate',
        'value=8',
        '--estimate',
        'time_criticality=5',
        '--estimate',
        'risk_reduction=0',
        '--estimate',
        'job_size=2.5',
      ],
      { cwd: root, stdin: OTHER_BODY },
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(writtenText(root)).toContain(
      'estimates:\n  value: 8\n  time_criticality: 5\n  risk_reduction: 0\n  job_size: 2.5\n---\n',
    );
    const rank = JSON.parse((await runCli(['rank', '--format', 'json'], { cwd: root })).stdout) as {
      title: string;
      score: number | null;
    }[];
    expect(rank.find((r) => r.title === 'Printer runbooks')?.score).toBe(5.2);
  });

  it('refuses an unknown name or a value that is not a number with exit 2, naming the valid names', async () => {
    const root = withModel('rice');
    const names =
      'the estimates are reach, impact, confidence, effort, ease, value, time_criticality, risk_reduction, job_size';
    const cases: [string, string][] = [
      ['reech=4000', '--estimate: "reech" is not an estimate'],
      ['reach', '--estimate takes name=number, not "reach"'],
      ['reach=lots', '--estimate reach: must be a number, not "lots"'],
      ['reach=4,000', '--estimate reach: must be a number, not "4,000"'],
      ['confidence=2', '--estimate confidence: is a fraction from 0 to 1, not "2"'],
      ['effort=-1', '--estimate effort: must be 0 or more, not "-1"'],
    ];
    for (const [pair, message] of cases) {
      const result = await runCli(['new', ...FLAGS, '--body-file', '-', '--estimate', pair], {
        cwd: root,
        stdin: OTHER_BODY,
      });
      expect(result.code, pair).toBe(2);
      expect(result.stderr, pair).toContain(`ideas: ${message}\n`);
      if (!pair.includes('=') || pair.startsWith('reech')) expect(result.stderr).toContain(names);
    }
    expect(readdirSync(join(root, 'ideas'))).toHaveLength(3);
  });

  it('--from-json is held to the same names and bounds: nothing written, exit 2', async () => {
    const root = withModel('rice');
    const names =
      'the estimates are reach, impact, confidence, effort, ease, value, time_criticality, risk_reduction, job_size';
    const cases: [Record<string, number>, string][] = [
      [{ reech: 4000 }, '"estimates.reech" is not an estimate'],
      [{ reach: 10, confidence: 2 }, 'estimates.confidence is a fraction from 0 to 1, not 2'],
      [{ effort: -1 }, 'estimates.effort must be 0 or more, not -1'],
    ];
    for (const [estimates, message] of cases) {
      const json = JSON.stringify({ title: 'Printer runbooks', body: OTHER_BODY, estimates });
      const result = await runCli(['new', '--from-json', '-', '--yes'], { cwd: root, stdin: json });
      expect(result.code, message).toBe(2);
      expect(result.stderr, message).toContain(`ideas: --from-json -: ${message}\n`);
      expect(result.stderr).toContain(names);
    }
    expect(readdirSync(join(root, 'ideas'))).toHaveLength(3);
    // The names it knows still go through, as --estimate's do.
    const json = JSON.stringify({
      title: 'Printer runbooks',
      body: OTHER_BODY,
      estimates: { reach: 10 },
    });
    const written = await runCli(['new', '--from-json', '-', '--yes'], { cwd: root, stdin: json });
    expect(written.code, written.stderr).toBe(0);
    expect(writtenText(root)).toContain('estimates:\n  reach: 10\n---\n');
  });
});
