// npm run bench: the speed bars of SPEC §8 on a generated repository of 10,000 ideas,
// 100,000 votes and 5,000 decisions (seeded: the same files every time). Prints medians and
// ratios; exits 1 when a bar is missed. Not part of CI: timings on shared machines are noisy.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'bin', 'ideas.js');
const SIZE = { ideas: 10_000, votes: 100_000, decisions: 5_000 };
const runs = Number(process.env.BENCH_RUNS ?? 5);
const repo = join(root, '.bench', `repo-${SIZE.ideas}-${SIZE.votes}-${SIZE.decisions}`);

function seeded(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = (
  'shipping delivery checkout returns pricing support warehouse courier invoice tracking ' +
  'mobile search onboarding refund discount packaging carrier stock catalogue payment loyalty ' +
  'partner region express weekend pickup label scanner dashboard alert contract renewal'
).split(' ');

function generate() {
  const random = seeded(42);
  const pick = (items) => items[Math.floor(random() * items.length)];
  const date = (offset) =>
    new Date(Date.UTC(2025, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10);
  rmSync(repo, { recursive: true, force: true });
  mkdirSync(repo, { recursive: true });
  const teams = ['sales', 'support', 'platform', 'operations', 'finance'];
  const people = Array.from({ length: 2000 }, (_, i) => `user${i}`);
  writeFileSync(
    join(repo, 'ideas.config.yaml'),
    `version: 1\nteams:\n  company: {}\n${teams.map((t) => `  ${t}: {parent: company}`).join('\n')}\nreviewers: [rev1, rev2]\n`,
  );
  const ids = [];
  const created = [];
  for (let i = 0; i < SIZE.ideas; i++) {
    const id = `i${i.toString(36).padStart(5, '0')}`;
    ids.push(id);
    const day = Math.floor(random() * 500);
    created.push(day);
    const title = `${i} ${pick(WORDS)} ${pick(WORDS)} ${pick(WORDS)} for ${pick(WORDS)}`;
    const author = pick(people);
    mkdirSync(join(repo, 'ideas'), { recursive: true });
    writeFileSync(
      join(repo, 'ideas', `${id}-idea-${i}.md`),
      `---\nid: ${id}\ntitle: ${title}\nauthors: [${author}]\nteam: ${pick(teams)}\ncreated: ${date(day)}\ntags: [${pick(WORDS)}, ${pick(WORDS)}]\nestimates:\n  reach: ${Math.floor(random() * 5000)}\n  impact: ${1 + Math.floor(random() * 3)}\n  confidence: 0.${1 + Math.floor(random() * 9)}\n  effort: ${1 + Math.floor(random() * 8)}\n---\n## Problem\nIdea ${i} is about ${pick(WORDS)} and ${pick(WORDS)} for customer ${Math.floor(random() * 900)}.\n\n## Proposal\nChange the ${pick(WORDS)} ${pick(WORDS)} process in region ${i % 97}.\n\n## Evidence\nTicket ${i * 7 + 3} and call notes ${i * 13}.\n`,
    );
  }
  const seen = new Set();
  let votes = 0;
  while (votes < SIZE.votes) {
    const idea = Math.floor(random() * SIZE.ideas);
    const voter = pick(people);
    const key = `${idea}/${voter}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const dir = join(repo, 'votes', ids[idea]);
    if (votes === 0 || !existsSync(dir)) mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, `${voter}.md`),
      `---\nidea: ${ids[idea]}\nvoter: ${voter}\npoints: 1\ndate: ${date(created[idea] + 1 + Math.floor(random() * 20))}\n---\n`,
    );
    votes++;
  }
  // 2,500 ideas get two decisions each: reviewing, then accepted or rejected.
  for (let i = 0; i < SIZE.decisions / 2; i++) {
    const idea = i * 4;
    const dir = join(repo, 'decisions', ids[idea]);
    mkdirSync(dir, { recursive: true });
    const first = date(created[idea] + 3);
    const second = date(created[idea] + 10);
    const final = i % 3 === 0 ? 'rejected' : 'accepted';
    writeFileSync(
      join(dir, `${first}-reviewing.md`),
      `---\nidea: ${ids[idea]}\nstatus: reviewing\ndate: ${first}\nreviewers: [rev1]\n---\n`,
    );
    writeFileSync(
      join(dir, `${second}-${final}.md`),
      `---\nidea: ${ids[idea]}\nstatus: ${final}\ndate: ${second}\nreviewers: [rev2]\n---\nBecause of reasons ${i}.\n`,
    );
  }
  const git = (...args) =>
    execFileSync('git', args, {
      cwd: repo,
      stdio: 'ignore',
      env: {
        ...process.env,
        GIT_AUTHOR_NAME: 'bench',
        GIT_AUTHOR_EMAIL: 'bench@example.com',
        GIT_COMMITTER_NAME: 'bench',
        GIT_COMMITTER_EMAIL: 'bench@example.com',
      },
    });
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-q', '-m', 'bench repository');
  writeFileSync(join(repo, '.complete'), '');
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function time(label, args, { cwd = repo, okCodes = [0, 1], env = {} } = {}) {
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    const result = spawnSync(process.execPath, args, {
      cwd,
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, NO_COLOR: '1', ...env },
    });
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
    if (!okCodes.includes(result.status))
      throw new Error(`${label} exited ${result.status}: ${result.stderr}`);
  }
  return median(samples);
}

if (!existsSync(join(repo, '.complete'))) {
  process.stderr.write(
    `generating ${SIZE.ideas} ideas, ${SIZE.votes} votes, ${SIZE.decisions} decisions in ${repo}…\n`,
  );
  generate();
}

// The baseline of SPEC §8: what Node takes just to list and read every file of the repository.
const readAll = `const fs=require('fs'),p=require('path');let n=0;(function w(d){for(const e of fs.readdirSync(d,{withFileTypes:true})){if(e.name==='.git')continue;const f=p.join(d,e.name);if(e.isDirectory())w(f);else{fs.readFileSync(f,'utf8');n++}}})(process.argv[1]);`;

const results = [];
const node = time('node -e 0', ['-e', '0'], { cwd: root });
const help = time('ideas --help', [bin, '--help'], { cwd: root });
results.push({
  what: 'ideas --help',
  ms: help,
  bar: `< 2× node -e 0 (${node.toFixed(0)} ms; ratio to it)`,
  ok: help < 2 * node,
  ratio: help / node,
});
const baseline = time('list and read every file', ['-e', readAll, repo]);
// Each command twice: with the parse cache off (a first run), then warm (SPEC §8: a second run
// that reuses the cache keyed by git blob id: under 1 s and under half of read-all).
const add = (
  what,
  args,
  { factor = 1.5, absolute = 3000, cached = { factor: 0.5, absolute: 1000 } } = {},
) => {
  const cold = time(what, [bin, ...args], { env: { IDEAS_NO_CACHE: '1' } });
  results.push({
    what,
    ms: cold,
    bar: `< ${absolute / 1000} s and < ${factor}× read-all`,
    ok: cold < absolute && cold < factor * baseline,
    ratio: cold / baseline,
  });
  if (!cached) return;
  time(`${what} (warming the cache)`, [bin, ...args]);
  const warm = time(what, [bin, ...args]);
  results.push({
    what: `${what} (cached)`,
    ms: warm,
    bar: `< ${cached.absolute / 1000} s and < ${cached.factor}× read-all`,
    ok: warm < cached.absolute && warm < cached.factor * baseline,
    ratio: warm / baseline,
  });
};
add('ideas validate', ['validate', '--format', 'json']);
add('ideas validate --ref HEAD', ['validate', '--format', 'json', '--ref', 'HEAD']);
// Other commands: {what, args, factor?, absolute_ms?, cached?: false | {factor, absolute_ms}}.
for (const extra of JSON.parse(
  readFileSync(join(root, 'scripts', 'bench-commands.json'), 'utf8'),
)) {
  add(extra.what, extra.args, {
    factor: extra.factor ?? 1.5,
    absolute: extra.absolute_ms ?? 3000,
    cached:
      extra.cached === false
        ? null
        : { factor: extra.cached?.factor ?? 0.5, absolute: extra.cached?.absolute_ms ?? 1000 },
  });
}

// The static site holds the HTML report and a page per idea: under 2× the report alone.
const reportTime = time('ideas report --format html', [
  bin,
  'report',
  '--format',
  'html',
  '--out',
  join(root, '.bench', 'report.html'),
]);
const siteTime = time('ideas site', [
  bin,
  'site',
  '--out',
  join(root, '.bench', 'site'),
  '--forge-url',
  'https://github.com/bench/ideas',
]);
results.push({
  what: 'ideas site',
  ms: siteTime,
  bar: `< 2× ideas report --format html (${reportTime.toFixed(0)} ms; ratio to it)`,
  ok: siteTime < 2 * reportTime,
  ratio: siteTime / reportTime,
});

const lines = [
  `ideas benchmark: ${SIZE.ideas} ideas, ${SIZE.votes} votes, ${SIZE.decisions} decisions; median of ${runs} runs`,
  `node ${process.version}, ${process.platform}/${process.arch}`,
  '',
  `read-all: ${baseline.toFixed(0)} ms to list and read every file with Node; ratio = median / read-all`,
  '',
  `${'command'.padEnd(34)} ${'median'.padStart(9)} ${'ratio'.padStart(6)}  bar`,
  ...results.map(
    (r) =>
      `${r.what.padEnd(34)} ${`${r.ms.toFixed(0)} ms`.padStart(9)} ${r.ratio.toFixed(2).padStart(6)}  ${r.ok ? 'ok  ' : 'MISS'} ${r.bar}`,
  ),
  `${'(list and read every file)'.padEnd(34)} ${`${baseline.toFixed(0)} ms`.padStart(9)}`,
  `${'(node -e 0)'.padEnd(34)} ${`${node.toFixed(0)} ms`.padStart(9)}`,
];
process.stdout.write(`${lines.join('\n')}\n`);
process.exitCode = results.every((r) => r.ok) ? 0 : 1;
