/**
 * What the bundle loads before any command runs: the command table, commander and the few
 * modules `--help` needs, never the parsers and schemas a command brings when it runs. Read from
 * the built files (the static imports of dist/cli.js and the chunks they name), not timed.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runBinary } from './helpers/cli.js';
import { BASE_TREE, voteText } from './helpers/forge.js';
import { makeRepo } from './helpers/repo.js';

const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');

/** Every file dist/cli.js (and `more`: chunks it imports when asked) loads: static imports, followed. */
function loadedAtStart(...more: string[]): Map<string, string> {
  const files = new Map<string, string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    const text = readFileSync(file, 'utf8');
    files.set(file, text);
    // esbuild writes `import {…} from "./chunks/x.js"` and `import "./chunks/x.js"`; a dynamic
    // `import("./chunks/x.js")` is what loads later, and is not followed.
    for (const match of text.matchAll(
      /^(?:import|export)\s[^;]*?from\s*"(\.[^"]+)"|^import\s*"(\.[^"]+)"/gm,
    ))
      visit(join(dirname(file), match[1] ?? match[2] ?? ''));
  };
  visit(join(dist, 'cli.js'));
  for (const file of more) visit(file);
  return files;
}

/** The chunk of a command: `validate-HASH.js`, not `validate-answer-HASH.js`. */
function commandChunk(name: string): string {
  const chunk = readdirSync(join(dist, 'chunks')).find((file) =>
    new RegExp(`^${name}-[A-Z0-9]+\\.js$`).test(file),
  );
  if (!chunk) throw new Error(`no chunk for ${name}`);
  return join(dist, 'chunks', chunk);
}

/** The packages a bundled file holds: esbuild marks each module with a `// node_modules/…` line. */
function packagesIn(text: string): Set<string> {
  const names = new Set<string>();
  for (const match of text.matchAll(/^\/\/ node_modules\/((?:@[^/\n]+\/)?[^/\n]+)\//gm))
    if (match[1]) names.add(match[1]);
  return names;
}

describe('start-up', () => {
  it('loads no YAML engine, schema library or front-matter parser before a command runs', () => {
    const loaded = new Set<string>();
    for (const text of loadedAtStart().values())
      for (const name of packagesIn(text)) loaded.add(name);
    // commander draws the command table; chalk colours help; nothing else is needed for it.
    expect(loaded.has('commander')).toBe(true);
    for (const heavy of ['zod', 'yaml', 'js-yaml', 'gray-matter', 'playwright', 'playwright-core'])
      expect([...loaded], `${heavy} is loaded at start-up`).not.toContain(heavy);
  });

  it('answers validate, list, rank and show from the result cache without loading a parser, a schema or the rules', () => {
    // What they load before they know the answer is not cached: the reader loads on a miss.
    for (const command of ['validate', 'list', 'rank', 'show']) {
      const files = loadedAtStart(commandChunk(command));
      const loaded = new Set<string>();
      for (const text of files.values()) for (const name of packagesIn(text)) loaded.add(name);
      for (const heavy of ['zod', 'yaml', 'js-yaml', 'gray-matter'])
        expect([...loaded], `${command} loads ${heavy} before its cache lookup`).not.toContain(
          heavy,
        );
      const sources = [...files.values()].join('\n');
      for (const module of [
        'src/validate/validate.ts',
        'src/read/repository.ts',
        'src/rank/rank.ts',
      ])
        expect(sources, `${command} loads ${module} before its cache lookup`).not.toContain(
          `// ${module}\n`,
        );
    }
  });

  it('bundles zod with its English messages alone, and they still reach the user', () => {
    // The other 60-odd languages were half of what every command that parses a file loaded.
    const locales = new Set<string>();
    for (const chunk of readdirSync(join(dist, 'chunks')))
      for (const match of readFileSync(join(dist, 'chunks', chunk), 'utf8').matchAll(
        /^\/\/ node_modules\/zod\/v4\/locales\/(\S+)$/gm,
      ))
        if (match[1]) locales.add(match[1]);
    expect([...locales]).toEqual(['en.js']);
    const root = makeRepo({
      ...BASE_TREE,
      'votes/chat22/bob.md': voteText('chat22', 'bob', 'customers: 7\n'),
    });
    const result = runBinary(['validate', 'votes/chat22/bob.md'], {
      cwd: root,
      env: { IDEAS_NO_CACHE: '1' },
    });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(
      /votes\/chat22\/bob\.md:\d+:\d+ +error +field\/invalid +"customers" Invalid input: expected array, received number/,
    );
  });

  it('loads no esprima for js-yaml, and a !!js/function tag is still refused through the binary', () => {
    // js-yaml 3 required esprima (280 KB) at load for a type only its unsafe `load` knows.
    for (const chunk of readdirSync(join(dist, 'chunks')))
      expect(readFileSync(join(dist, 'chunks', chunk), 'utf8'), chunk).not.toMatch(
        /require\("esprima"\)/,
      );
    const root = makeRepo({
      ...BASE_TREE,
      'votes/chat22/bob.md': voteText(
        'chat22',
        'bob',
        'note: !!js/function "function () { return 1 }"\n',
      ),
    });
    const result = runBinary(['validate', 'votes/chat22/bob.md', '--format', 'json'], {
      cwd: root,
      env: { IDEAS_NO_CACHE: '1' },
    });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('js/function');
    expect(result.stdout).toContain('"severity": "error"');
  });

  it('still runs a command that needs them, and --estimate still checks its bounds', () => {
    const help = runBinary(['--help'], { cwd: dist });
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^ {2}vote \[options\] <id>/m);
    const bad = runBinary(['new', '--estimate', 'confidence=7', '--yes'], { cwd: dist });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--estimate confidence');
  });
});
