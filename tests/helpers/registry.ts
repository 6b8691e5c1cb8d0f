/**
 * A real npm registry on localhost for the CI tests: verdaccio, storage in a temporary folder,
 * anonymous publishing of git-ideas, every other package proxied from the npm registry. The
 * caller publishes the packed tarball and points npm_config_registry at `url`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface LocalRegistry {
  url: string;
  /** A folder of its own for npm's cache, so nothing from another run is reused. */
  npmCache: string;
  /** An npm user config with a token of a user made for the test: `npm publish` insists on one. */
  userConfig: string;
  stop(): void;
}

const ROOT = join(import.meta.dirname, '..', '..');

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

async function waitUntilUp(url: string, child: ChildProcess, log: () => string): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`verdaccio stopped: ${log()}`);
    try {
      const response = await fetch(`${url}-/ping`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`verdaccio did not answer at ${url}: ${log()}`);
}

export async function startRegistry(): Promise<LocalRegistry> {
  const dir = mkdtempSync(join(tmpdir(), 'ideas-registry-'));
  const port = await freePort();
  const upstream = process.env.IDEAS_TEST_UPSTREAM_REGISTRY ?? 'https://registry.npmjs.org/';
  const config = join(dir, 'config.yaml');
  writeFileSync(
    config,
    [
      `storage: ${JSON.stringify(join(dir, 'storage'))}`,
      'auth:',
      '  htpasswd:',
      `    file: ${JSON.stringify(join(dir, 'htpasswd'))}`,
      '    max_users: 10',
      'uplinks:',
      '  npmjs:',
      `    url: ${JSON.stringify(upstream)}`,
      '    timeout: 60s',
      'packages:',
      // This package comes only from here: never the registry's version of the name.
      "  'git-ideas':",
      '    access: $all',
      '    publish: $authenticated',
      "  '**':",
      '    access: $all',
      '    publish: $authenticated',
      '    proxy: npmjs',
      'log: {type: stdout, format: pretty, level: warn}',
      '',
    ].join('\n'),
  );
  let output = '';
  const child = spawn(
    process.execPath,
    [
      join(ROOT, 'node_modules', 'verdaccio', 'bin', 'verdaccio'),
      '--config',
      config,
      '--listen',
      `127.0.0.1:${port}`,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = `http://127.0.0.1:${port}/`;
  const stop = () => {
    if (child.exitCode === null) child.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitUntilUp(url, child, () => output);
  } catch (error) {
    stop();
    throw error;
  }
  const userConfig = join(dir, 'npmrc');
  try {
    // The registry's own sign-up (what `npm adduser` does), for a token to publish with.
    const response = await fetch(`${url}-/user/org.couchdb.user:ideas-test`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'ideas-test', password: 'ideas-test-password' }),
    });
    const { token } = (await response.json()) as { token?: string };
    if (!token) throw new Error(`verdaccio gave no token (${response.status})`);
    writeFileSync(userConfig, `//127.0.0.1:${port}/:_authToken=${token}\n`);
  } catch (error) {
    stop();
    throw error;
  }
  return { url, npmCache: join(dir, 'npm-cache'), userConfig, stop };
}
