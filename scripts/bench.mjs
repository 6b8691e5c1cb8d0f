// npm run bench: the speed and memory bars of the product on generated repositories (seeded:
// the same files every time). Prints medians, ratios to floors measured in the same run, and
// each command's peak memory; exits 1 when a bar is missed. Not part of CI: timings on shared
// machines are noisy, so every bar is a ratio or a generous absolute.
//
//   npm run bench                                  # every row at 10,000 ideas
//   npm run bench -- --sizes 1000,10000,100000     # time and memory at each size
//
// Generated repositories live under .bench/ (gitignored), built once per size: git fast-import
// makes the commit (no million `git add`s) and one `git reset --hard` writes the files.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { Buffer } from 'node:buffer';
import { createHash } from 'node:crypto';
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { availableParallelism, totalmem, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// BENCH_BIN: measure another build (a frozen copy, while this worktree rebuilds).
const bin = process.env.BENCH_BIN ?? join(root, 'bin', 'ideas.js');
const benchDir = process.env.BENCH_DIR ?? join(root, '.bench');
// Bumped when the generated content changes, so an old repository is never measured as new.
const LAYOUT = 'v2';
const VOTER = 'bencher'; // the one vote the pull request adds
const WRITER = 'writer'; // who runs `ideas vote` in the bench

const args = process.argv.slice(2);
const sizesAt = args.indexOf('--sizes');
const sizes =
  sizesAt === -1
    ? undefined
    : String(args[sizesAt + 1] ?? '')
        .split(',')
        .map(Number);
if (sizes && (sizes.length === 0 || sizes.some((n) => !Number.isInteger(n) || n < 10))) {
  process.stderr.write('bench: --sizes takes whole numbers of ideas, e.g. 1000,10000,100000\n');
  process.exit(2);
}

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

const GIT_ENV = {
  GIT_AUTHOR_NAME: 'bench',
  GIT_AUTHOR_EMAIL: 'bench@example.com',
  GIT_COMMITTER_NAME: 'bench',
  GIT_COMMITTER_EMAIL: 'bench@example.com',
  GIT_CONFIG_NOSYSTEM: '1',
};
const git = (cwd, ...gitArgs) =>
  execFileSync('git', gitArgs, {
    cwd,
    encoding: 'utf8',
    maxBuffer: 1024 * 1024 * 1024,
    env: { ...process.env, ...GIT_ENV },
  });

/** The shape of a size: votes ×10, decisions ×0.5 of the ideas. */
function shapeOf(ideas) {
  return { ideas, votes: ideas * 10, decisions: Math.floor(ideas / 2) };
}

/** Every file of the repository, in one pass, as [path, text]. */
function* generateFiles(shape) {
  const random = seeded(42);
  const pick = (items) => items[Math.floor(random() * items.length)];
  const date = (offset) =>
    new Date(Date.UTC(2025, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10);
  const teams = ['sales', 'support', 'platform', 'operations', 'finance'];
  const people = Array.from({ length: 2000 }, (_, i) => `user${i}`);
  yield [
    'ideas.config.yaml',
    `version: 1\nteams:\n  company: {}\n${teams.map((t) => `  ${t}: {parent: company}`).join('\n')}\nreviewers: [rev1, rev2]\n`,
  ];
  const ids = [];
  const created = [];
  for (let i = 0; i < shape.ideas; i++) {
    const id = `i${i.toString(36).padStart(5, '0')}`;
    ids.push(id);
    const day = Math.floor(random() * 500);
    created.push(day);
    const title = `${i} ${pick(WORDS)} ${pick(WORDS)} ${pick(WORDS)} for ${pick(WORDS)}`;
    const author = pick(people);
    yield [
      `ideas/${id}-idea-${i}.md`,
      `---\nid: ${id}\ntitle: ${title}\nauthors: [${author}]\nteam: ${pick(teams)}\ncreated: ${date(day)}\ntags: [${pick(WORDS)}, ${pick(WORDS)}]\nestimates:\n  reach: ${Math.floor(random() * 5000)}\n  impact: ${1 + Math.floor(random() * 3)}\n  confidence: 0.${1 + Math.floor(random() * 9)}\n  effort: ${1 + Math.floor(random() * 8)}\n---\n## Problem\nIdea ${i} is about ${pick(WORDS)} and ${pick(WORDS)} for customer ${Math.floor(random() * 900)}.\n\n## Proposal\nChange the ${pick(WORDS)} ${pick(WORDS)} process in region ${i % 97}.\n\n## Evidence\nTicket ${i * 7 + 3} and call notes ${i * 13}.\n`,
    ];
  }
  const seen = new Set();
  let votes = 0;
  while (votes < shape.votes) {
    const idea = Math.floor(random() * shape.ideas);
    const voter = pick(people);
    const key = `${idea}/${voter}`;
    if (seen.has(key)) continue;
    seen.add(key);
    yield [
      `votes/${ids[idea]}/${voter}.md`,
      `---\nidea: ${ids[idea]}\nvoter: ${voter}\npoints: 1\ndate: ${date(created[idea] + 1 + Math.floor(random() * 20))}\n---\n`,
    ];
    votes++;
  }
  // Half the decisions' ideas get two each: reviewing, then accepted or rejected.
  for (let i = 0; i < shape.decisions / 2; i++) {
    const idea = i * 4;
    const first = date(created[idea] + 3);
    const second = date(created[idea] + 10);
    const final = i % 3 === 0 ? 'rejected' : 'accepted';
    yield [
      `decisions/${ids[idea]}/${first}-reviewing.md`,
      `---\nidea: ${ids[idea]}\nstatus: reviewing\ndate: ${first}\nreviewers: [rev1]\n---\n`,
    ];
    yield [
      `decisions/${ids[idea]}/${second}-${final}.md`,
      `---\nidea: ${ids[idea]}\nstatus: ${final}\ndate: ${second}\nreviewers: [rev2]\n---\nBecause of reasons ${i}.\n`,
    ];
  }
}

/** The idea the bench's one-record commands (show, vote, the pull request) touch. */
function targetOf(shape) {
  const i = Math.floor(shape.ideas / 3);
  return `i${i.toString(36).padStart(5, '0')}`;
}

/** Writes a stream of text to a child's stdin, in large chunks, waiting when the pipe is full. */
function writer(child) {
  let chunk = [];
  let bytes = 0;
  const flush = async () => {
    if (chunk.length === 0) return;
    const ok = child.stdin.write(chunk.join(''));
    chunk = [];
    bytes = 0;
    if (!ok) await new Promise((resolve) => child.stdin.once('drain', resolve));
  };
  return {
    async push(text) {
      chunk.push(text);
      bytes += text.length;
      if (bytes > 1 << 20) await flush();
    },
    async end() {
      await flush();
      child.stdin.end();
      const code = await new Promise((resolve) => child.on('close', resolve));
      if (code !== 0) throw new Error(`git ${child.spawnargs.slice(1).join(' ')} exited ${code}`);
    },
  };
}

function blobId(text) {
  const bytes = Buffer.from(text);
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}

/**
 * Builds main (every file) and a branch `pr` adding one vote, without a million `git add`s:
 * `git fast-import` writes the blobs into one pack, `git update-index --index-info` takes the
 * sorted list of paths at once, `write-tree` and `commit-tree` make the commits. (fast-import's
 * own trees search each folder linearly: 100,000 ideas in one folder made it quadratic.)
 */
async function importRepository(repo, shape) {
  const spawnGit = (...gitArgs) =>
    spawn('git', gitArgs, {
      cwd: repo,
      stdio: ['pipe', 'inherit', 'inherit'],
      env: { ...process.env, ...GIT_ENV },
    });
  const blobs = writer(spawnGit('fast-import', '--quiet', '--done'));
  const entries = [];
  const add = async (path, text) => {
    entries.push(`100644 ${blobId(text)}\t${path}\n`);
    await blobs.push(`blob\ndata ${Buffer.byteLength(text)}\n${text}\n`);
  };
  for (const [path, text] of generateFiles(shape)) await add(path, text);
  const target = targetOf(shape);
  const extra = `votes/${target}/${VOTER}.md`;
  const extraText = `---\nidea: ${target}\nvoter: ${VOTER}\npoints: 1\ndate: 2026-11-20\n---\nUseful.\n`;
  await blobs.push(`blob\ndata ${Buffer.byteLength(extraText)}\n${extraText}\n`);
  await blobs.push('done\n');
  await blobs.end();
  // The index in git's order (byte order of the paths: all ASCII here), so each entry appends.
  const path = (entry) => entry.slice(entry.indexOf('\t') + 1);
  entries.sort((a, b) => (path(a) < path(b) ? -1 : 1));
  const index = writer(spawnGit('update-index', '--index-info'));
  for (const entry of entries) await index.push(entry);
  entries.length = 0;
  await index.end();
  const dated = {
    ...GIT_ENV,
    GIT_AUTHOR_DATE: '1764547200 +0000',
    GIT_COMMITTER_DATE: '1764547200 +0000',
  };
  const run = (...gitArgs) =>
    execFileSync('git', gitArgs, {
      cwd: repo,
      encoding: 'utf8',
      env: { ...process.env, ...dated },
    }).trim();
  const main = run('commit-tree', run('write-tree'), '-m', 'bench repository');
  run('update-ref', 'refs/heads/main', main);
  run('update-index', '--add', '--cacheinfo', `100644,${blobId(extraText)},${extra}`);
  const pr = run('commit-tree', run('write-tree'), '-p', main, '-m', `Vote for ${target}`);
  run('update-ref', 'refs/heads/pr', pr);
  // A fresh index from main with every file written and its stat data recorded.
  rmSync(join(repo, '.git', 'index'));
}

/** The repository of `ideas` ideas (generated once), and a clone of it on `pr`, as CI has one. */
async function ensureRepository(ideas) {
  const shape = shapeOf(ideas);
  const repo = join(benchDir, `repo-${LAYOUT}-${ideas}`);
  const clone = join(benchDir, `clone-${LAYOUT}-${ideas}`);
  if (!existsSync(join(repo, '.complete'))) {
    process.stderr.write(
      `generating ${shape.ideas} ideas, ${shape.votes} votes, ${shape.decisions} decisions in ${repo}…\n`,
    );
    const start = Date.now();
    rmSync(repo, { recursive: true, force: true });
    rmSync(clone, { recursive: true, force: true });
    mkdirSync(repo, { recursive: true });
    git(repo, 'init', '-q', '-b', 'main');
    git(repo, 'config', 'gc.auto', '0');
    await importRepository(repo, shape);
    // Writes every file and the index (with stat data, so `git status` need not hash them).
    git(repo, 'reset', '-q', '--hard', 'main');
    writeFileSync(join(repo, '.git', 'info', 'exclude'), '.complete\n');
    writeFileSync(join(repo, '.complete'), '');
    process.stderr.write(`  generated in ${((Date.now() - start) / 1000).toFixed(0)} s\n`);
  }
  if (!existsSync(join(clone, '.complete'))) {
    // A fresh clone as CI has one: its own index and working tree, no cache. --shared borrows
    // the objects instead of copying a million of them; what `check` does is the same.
    process.stderr.write(`cloning ${repo} (--shared, on the pull request's branch)…\n`);
    rmSync(clone, { recursive: true, force: true });
    git(root, 'clone', '-q', '--shared', '--branch', 'pr', repo, clone);
    git(clone, 'config', 'gc.auto', '0');
    git(clone, 'config', 'user.name', WRITER);
    git(clone, 'config', 'user.email', `${WRITER}@example.com`);
    writeFileSync(join(clone, '.git', 'info', 'exclude'), '.complete\n');
    writeFileSync(join(clone, '.complete'), '');
  }
  return { shape, repo, clone, target: targetOf(shape) };
}

const fmtMs = (ms) => (ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${ms.toFixed(0)} ms`);
const fmtMb = (mb) => `${mb.toFixed(0)} MB`;

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

// Peak memory of each child: a preload that writes the process's maxRSS (KiB) when it exits.
mkdirSync(benchDir, { recursive: true });
const rssFile = join(tmpdir(), `ideas-bench-rss-${process.pid}`);
const preload = join(benchDir, 'max-rss.mjs');
writeFileSync(
  preload,
  `import { writeFileSync } from 'node:fs';\nprocess.on('exit', () => { try { writeFileSync(process.env.IDEAS_BENCH_RSS_FILE, String(process.resourceUsage().maxRSS)); } catch {} });\n`,
);

/**
 * Runs `node <argv>` `runs` times: the median wall time and the peak memory over the runs.
 * `after` undoes what a writer did, outside the timing. `argv` is the arguments, or a function
 * of the run's number (from 0) giving them.
 */
function measure(label, argv, { cwd, runs, okCodes = [0, 1], env = {}, after } = {}) {
  const samples = [];
  let peakKiB = 0;
  for (let i = 0; i < runs; i++) {
    rmSync(rssFile, { force: true });
    const start = process.hrtime.bigint();
    const args = typeof argv === 'function' ? argv(i) : argv;
    const result = spawnSync(process.execPath, ['--import', pathToFileURL(preload).href, ...args], {
      cwd,
      stdio: ['ignore', 'ignore', 'pipe'],
      maxBuffer: 64 * 1024 * 1024,
      env: { ...process.env, NO_COLOR: '1', IDEAS_BENCH_RSS_FILE: rssFile, ...env },
    });
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
    if (!okCodes.includes(result.status))
      throw new Error(`${label} exited ${result.status}: ${result.stderr}`);
    if (existsSync(rssFile)) peakKiB = Math.max(peakKiB, Number(readFileSync(rssFile, 'utf8')));
    after?.();
  }
  // As it goes, on stderr: a long run shows where it is, and an interrupted one keeps its figures.
  process.stderr.write(`  ${label}: ${fmtMs(median(samples))}, ${fmtMb(peakKiB / 1024)}\n`);
  return { ms: median(samples), mb: peakKiB / 1024 };
}

/** `git cat-file --batch` over every blob of HEAD: the floor of reading a tree through git. */
function measureCatFile(repo, runs) {
  const ids = join(benchDir, `blob-ids-${process.pid}`);
  writeFileSync(
    ids,
    git(repo, 'ls-tree', '-r', '--format=%(objecttype) %(objectname)', 'HEAD')
      .split('\n')
      .filter((line) => line.startsWith('blob '))
      .map((line) => line.slice(5))
      .join('\n') + '\n',
  );
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const input = openSync(ids, 'r');
    const start = process.hrtime.bigint();
    const result = spawnSync('git', ['cat-file', '--batch'], {
      cwd: repo,
      stdio: [input, 'ignore', 'inherit'],
    });
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
    closeSync(input);
    if (result.status !== 0) throw new Error(`git cat-file --batch exited ${result.status}`);
  }
  rmSync(ids, { force: true });
  return median(samples);
}

// The floor: what Node takes just to list and read every file of the repository.
const readAll = `const fs=require('fs'),p=require('path');let n=0;(function w(d){for(const e of fs.readdirSync(d,{withFileTypes:true})){if(e.name==='.git')continue;const f=p.join(d,e.name);if(e.isDirectory())w(f);else{fs.readFileSync(f,'utf8');n++}}})(process.argv[1]);`;
const NO_CACHE = { IDEAS_NO_CACHE: '1' };

const machine = () =>
  `${availableParallelism()} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GB memory, node ${process.version}, ${process.platform}/${process.arch}`;

/** Every row of the product's bars at one size (10,000 ideas unless BENCH_IDEAS says). */
async function fullTable() {
  const runs = Number(process.env.BENCH_RUNS ?? 5);
  const { shape, repo, clone, target } = await ensureRepository(
    Number(process.env.BENCH_IDEAS ?? 10_000),
  );
  const at = (cwd) => ({ cwd, runs });
  const rows = [];
  const node = measure('node -e 0', ['-e', '0'], at(root));
  const readAllTime = measure('read-all', ['-e', readAll, repo], at(repo));
  const catFile = measureCatFile(repo, runs);
  const floor = readAllTime.ms;
  const memoryBar = 300;
  const row = (what, result, bar, ok, ratio) =>
    rows.push({
      what,
      ...result,
      bar: result.mb < memoryBar ? bar : `${bar}; memory over ${memoryBar} MB`,
      ok: ok && result.mb < memoryBar,
      ratio,
    });
  const vsFloor = (what, argv, factor, { cwd = repo, env = NO_CACHE, extra } = {}) => {
    const result = measure(what, [bin, ...argv], { ...at(cwd), env });
    const ratio = result.ms / floor;
    const more = extra?.(result) ?? { ok: true, bar: '' };
    row(what, result, `≤ ${factor}× read-all${more.bar}`, ratio <= factor && more.ok, ratio);
    return result;
  };
  const absolute = (what, argv, ms, { cwd = repo, env = {}, after } = {}) => {
    const result = measure(what, [bin, ...argv], { ...at(cwd), env, after });
    row(what, result, `≤ ${ms / 1000} s`, result.ms <= ms, result.ms / floor);
  };

  const help = measure('ideas --help', [bin, '--help'], at(root));
  rows.push({
    what: 'ideas --help',
    ...help,
    bar: `< 2× node -e 0 (${fmtMs(node.ms)})`,
    ok: help.ms < 2 * node.ms,
    ratio: help.ms / node.ms,
  });
  vsFloor('validate (no cache)', ['validate', '--format', 'json'], 1.5);
  vsFloor(
    'validate --ref HEAD (no cache)',
    ['validate', '--format', 'json', '--ref', 'HEAD'],
    1.5,
    {
      extra: (r) => ({
        ok: r.ms <= 3 * catFile,
        bar: ` and ≤ 3× cat-file (${(r.ms / catFile).toFixed(2)}×)`,
      }),
    },
  );
  vsFloor('rank (no cache)', ['rank', '--format', 'json'], 1.5);
  // The cached rows: one run to fill the cache, then the measured ones.
  measure('warming the cache', [bin, 'validate', '--format', 'json'], { cwd: repo, runs: 1 });
  vsFloor('validate, second run (cached)', ['validate', '--format', 'json'], 0.25, { env: {} });
  for (const extra of JSON.parse(
    readFileSync(join(root, 'scripts', 'bench-commands.json'), 'utf8'),
  )) {
    vsFloor(`${extra.what} (no cache)`, extra.args, extra.factor ?? 1.5);
    if (extra.cached === false) continue;
    measure('warming the cache', [bin, ...extra.args], { cwd: repo, runs: 1 });
    vsFloor(`${extra.what} (cached)`, extra.args, extra.cached?.factor ?? 0.25, { env: {} });
  }
  // CI's view: a fresh clone on the pull request's branch, one vote added.
  const check = ['check', '--base', 'origin/main', '--actor', VOTER, '--format', 'json'];
  absolute('check --base main, one-vote PR (fresh clone, no cache)', check, 1000, {
    cwd: clone,
    env: NO_CACHE,
  });
  measure('warming the cache', [bin, ...check], { cwd: clone, runs: 1 });
  absolute('check --base main, one-vote PR (cached)', check, 300, { cwd: clone });
  absolute(
    'validate --changed-since main, one file (no cache)',
    ['validate', '--changed-since', 'origin/main', '--format', 'json'],
    1000,
    { cwd: clone, env: NO_CACHE },
  );
  const vote = join(clone, 'votes', target, `${WRITER}.md`);
  absolute(`vote ${target}`, ['vote', target, '--no-branch', '--format', 'json'], 300, {
    cwd: clone,
    after: () => rmSync(vote, { force: true }),
  });
  absolute(`show ${target}`, ['show', target], 300);
  absolute(`show ${target} (no cache)`, ['show', target], 300, { env: NO_CACHE });

  // The static site holds the HTML report and a page per idea: under 2× building the report.
  // Both build from the files (no cache): the report's cached run is a lookup of its answer,
  // not a build. The site goes into a new folder each run, its slowest case. Each run has a
  // folder of its own, all removed at the end: on ext4 without a journal, a file created
  // within a minute or more of many being deleted costs the kernel a scan past every inode
  // deleted (the 10,000 of the run before took 15-20 % of the site's CPU), which no site
  // build pays on a fresh machine.
  const siteOut = (i) => join(benchDir, `site-${i}`);
  const removeSites = () => {
    for (let i = 0; i < runs; i++) rmSync(siteOut(i), { recursive: true, force: true });
  };
  removeSites();
  const report = measure(
    'report --format html (no cache)',
    [bin, 'report', '--format', 'html', '--out', join(benchDir, 'report.html')],
    { ...at(repo), env: NO_CACHE },
  );
  const site = measure(
    'site (no cache, new folder)',
    (i) => [bin, 'site', '--out', siteOut(i), '--forge-url', 'https://github.com/bench/ideas'],
    { ...at(repo), env: NO_CACHE },
  );
  removeSites();
  row(
    'site (no cache, new folder)',
    site,
    `< 2× report --format html, no cache (${fmtMs(report.ms)})`,
    site.ms < 2 * report.ms,
    site.ms / report.ms,
  );

  const width = Math.max(...rows.map((r) => r.what.length)) + 2;
  const lines = [
    `ideas benchmark: ${shape.ideas} ideas, ${shape.votes} votes, ${shape.decisions} decisions; median of ${runs} runs`,
    machine(),
    '',
    `floors in this run: read-all (Node lists and reads every file) ${fmtMs(floor)}, ` +
      `git cat-file --batch over every blob ${fmtMs(catFile)}, node -e 0 ${fmtMs(node.ms)}`,
    `ratio = median / read-all (--help: / node -e 0; site: / report); memory = peak RSS of the command, bar < ${memoryBar} MB`,
    '',
    `${'command'.padEnd(width)} ${'median'.padStart(9)} ${'ratio'.padStart(6)} ${'memory'.padStart(7)}       bar`,
    ...rows.map(
      (r) =>
        `${r.what.padEnd(width)} ${fmtMs(r.ms).padStart(9)} ${r.ratio.toFixed(2).padStart(6)} ${fmtMb(r.mb).padStart(7)}  ${r.ok ? 'ok  ' : 'MISS'} ${r.bar}`,
    ),
  ];
  const missed = rows.filter((r) => !r.ok);
  lines.push(
    '',
    missed.length === 0
      ? 'every bar met'
      : `missed ${missed.length} of ${rows.length}: ${missed.map((r) => `${r.what} ${fmtMs(r.ms)}, ${fmtMb(r.mb)}`).join('; ')}`,
  );
  process.stdout.write(`${lines.join('\n')}\n`);
  return missed.length === 0;
}

/** Time and peak memory of the main commands at each size: how they grow. */
async function growthTable(list) {
  const rows = [];
  const misses = [];
  // Every repository first: generating the largest is the long part.
  for (const ideas of list) await ensureRepository(ideas);
  for (const ideas of list) {
    const runs = Number(process.env.BENCH_RUNS ?? (ideas >= 100_000 ? 1 : 3));
    const { shape, repo, clone, target } = await ensureRepository(ideas);
    process.stderr.write(`measuring ${ideas} ideas (median of ${runs})…\n`);
    const at = { cwd: repo, runs, env: NO_CACHE };
    const floor = measure('read-all', ['-e', readAll, repo], { cwd: repo, runs });
    const results = [
      ['validate', measure('validate', [bin, 'validate', '--format', 'json'], at)],
      ['rank', measure('rank', [bin, 'rank', '--format', 'json'], at)],
      ['report', measure('report', [bin, 'report', '--format', 'json'], at)],
      [
        'check (one-vote PR)',
        measure(
          'check',
          [bin, 'check', '--base', 'origin/main', '--actor', VOTER, '--format', 'json'],
          { ...at, cwd: clone },
        ),
      ],
      [`show`, measure('show', [bin, 'show', target], at)],
    ];
    for (const [what, result] of results) {
      rows.push({ shape, what, ...result, floor: floor.ms });
      if (ideas === 10_000 && result.mb >= 300)
        misses.push(`${what} at 10k: ${fmtMb(result.mb)} (bar < 300 MB)`);
      if (ideas === 100_000 && what === 'validate' && (result.ms >= 30_000 || result.mb >= 2048))
        misses.push(
          `validate at 100k: ${fmtMs(result.ms)}, ${fmtMb(result.mb)} (bar < 30 s, < 2 GB)`,
        );
    }
  }
  const lines = [
    'ideas growth: no cache; votes ×10 and decisions ×0.5 of the ideas; read-all = Node reading every file',
    machine(),
    '',
    `${'ideas'.padStart(7)} ${'votes'.padStart(9)} ${'command'.padEnd(20)} ${'median'.padStart(9)} ${'/read-all'.padStart(9)} ${'memory'.padStart(8)}`,
    ...rows.map(
      (r) =>
        `${String(r.shape.ideas).padStart(7)} ${String(r.shape.votes).padStart(9)} ${r.what.padEnd(20)} ${fmtMs(r.ms).padStart(9)} ${(r.ms / r.floor).toFixed(2).padStart(9)} ${fmtMb(r.mb).padStart(8)}`,
    ),
    '',
    misses.length === 0 ? 'every size bar met' : `missed: ${misses.join('; ')}`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  return misses.length === 0;
}

try {
  const ok = sizes ? await growthTable(sizes) : await fullTable();
  process.exitCode = ok ? 0 : 1;
} finally {
  rmSync(rssFile, { force: true });
}
