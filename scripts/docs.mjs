// Writes the README's rule tables from the registries (src/validate and src/policy rules-table.ts).
// `npm run docs` rewrites it; `npm run docs -- --check` only says whether it is up to date.
import { build } from 'esbuild';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cacheDir = join(root, 'node_modules', '.cache', 'ideas-build');
mkdirSync(cacheDir, { recursive: true });
const bundle = await build({
  absWorkingDir: root,
  entryPoints: ['src/policy/rules-table.ts'],
  bundle: true,
  write: false,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  banner: {
    js: "import { createRequire as __ideasCreateRequire } from 'node:module';\nconst require = __ideasCreateRequire(import.meta.url);",
  },
  logLevel: 'warning',
});
const moduleFile = join(cacheDir, 'rules-table.mjs');
writeFileSync(moduleFile, bundle.outputFiles[0].text);
const { replaceAllRuleTables } = await import(pathToFileURL(moduleFile).href);

const readmePath = join(root, 'README.md');
const before = readFileSync(readmePath, 'utf8');
const after = replaceAllRuleTables(before);
if (process.argv.includes('--check')) {
  if (after !== before) {
    console.error('README.md: the rule table is out of date: run "npm run docs"');
    process.exit(1);
  }
} else if (after !== before) {
  writeFileSync(readmePath, after);
  console.log('README.md: rule table updated');
} else {
  console.log('README.md: rule table already up to date');
}
