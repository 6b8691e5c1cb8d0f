// Bundles the CLI with esbuild (start-up time is a product requirement: SPEC §8) and writes
// the JSON Schemas generated from the zod schemas into schemas/. Runs on `npm install`.
import { build } from 'esbuild';
import { mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

// gray-matter and its js-yaml are CommonJS and require Node built-ins: give the ESM bundle a require.
const banner =
  "import { createRequire as __ideasCreateRequire } from 'node:module';\nconst require = __ideasCreateRequire(import.meta.url);";

// The caches are valid for one build only: its id is a hash of every source file, of this
// script (it shapes the bundle) and of the lock file (the bundled libraries' versions: another
// YAML or zod could parse the same file otherwise).
const buildId = createHash('sha256');
for (const file of readdirSync(join(root, 'src'), { recursive: true }).sort()) {
  const path = join(root, 'src', String(file));
  if (statSync(path).isFile()) buildId.update(String(file)).update(readFileSync(path));
}
for (const file of ['scripts/build.mjs', 'package-lock.json']) {
  const path = join(root, file);
  try {
    buildId.update(file).update(readFileSync(path));
  } catch {
    // A packed copy has no lock file: its dist/ is built already.
  }
}

// zod ships the error messages of 60-odd languages, half of what a command loads to parse its
// files: ideas speaks English only (zod's default), so the CLI bundle holds that one.
const zodLocales = join(root, 'node_modules', 'zod', 'v4', 'locales');
const englishOnly = {
  name: 'zod-english-only',
  setup(builder) {
    builder.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      resolve(args.resolveDir, '..', 'locales') === zodLocales
        ? { path: 'en', namespace: 'zod-locales' }
        : undefined,
    );
    builder.onLoad({ filter: /.*/, namespace: 'zod-locales' }, () => ({
      contents: "export { default as en } from './en.js';",
      resolveDir: zodLocales,
    }));
  },
};

// js-yaml 3 (gray-matter's engine) loads esprima, 280 KB, at start for its `!!js/function`
// type, which only its unsafe `load` knows: gray-matter reads with `safeLoad`, whose schema has
// no such type. Without esprima that type would refuse to resolve, as js-yaml does in a browser.
const jsYamlFunctionType = join(root, 'node_modules', 'js-yaml', 'lib', 'js-yaml', 'type', 'js');
const noEsprima = {
  name: 'js-yaml-without-esprima',
  setup(builder) {
    builder.onLoad(
      { filter: /[\\/]js-yaml[\\/]lib[\\/]js-yaml[\\/]type[\\/]js[\\/]function\.js$/ },
      (args) => {
        if (dirname(args.path) !== jsYamlFunctionType) return undefined;
        const source = readFileSync(args.path, 'utf8');
        const loading = "esprima = _require('esprima');";
        if (!source.includes(loading))
          throw new Error(`${args.path}: esprima is loaded differently`);
        return { contents: source.replace(loading, 'esprima = undefined;'), loader: 'js' };
      },
    );
  },
};

rmSync(join(root, 'dist'), { recursive: true, force: true });
await build({
  plugins: [englishOnly, noEsprima],
  absWorkingDir: root,
  entryPoints: { cli: 'src/cli/main.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true, // commands and their libraries load only when run: `ideas --help` stays fast
  format: 'esm',
  platform: 'node',
  target: 'node20',
  chunkNames: 'chunks/[name]-[hash]',
  banner: { js: banner },
  define: {
    IDEAS_VERSION: JSON.stringify(version),
    IDEAS_BUILD_ID: JSON.stringify(`${version}-${buildId.digest('hex').slice(0, 16)}`),
  },
  legalComments: 'none',
  logLevel: 'warning',
});

// The static site's browser script (`ideas site` copies it into assets/site.js): one file,
// no chunks, for any browser of the last few years.
await build({
  absWorkingDir: root,
  entryPoints: ['src/site/client/main.ts'],
  outfile: 'dist/site-client.js',
  bundle: true,
  minify: true,
  format: 'iife',
  platform: 'browser',
  target: ['es2020'],
  legalComments: 'none',
  logLevel: 'warning',
});

// JSON Schemas: bundle the generator in memory, run it, write one file per record kind.
const cacheDir = join(root, 'node_modules', '.cache', 'ideas-build');
mkdirSync(cacheDir, { recursive: true });
const generator = await build({
  absWorkingDir: root,
  entryPoints: ['src/schema/json-schema.ts'],
  bundle: true,
  write: false,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  logLevel: 'warning',
});
const generatorFile = join(cacheDir, 'json-schema.mjs');
writeFileSync(generatorFile, generator.outputFiles[0].text);
const { jsonSchemas } = await import(pathToFileURL(generatorFile).href);
mkdirSync(join(root, 'schemas'), { recursive: true });
for (const [name, schema] of Object.entries(jsonSchemas())) {
  writeFileSync(
    join(root, 'schemas', `${name}.schema.json`),
    `${JSON.stringify(schema, null, 2)}\n`,
  );
}
