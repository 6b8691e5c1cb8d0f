/** `ideas edit <id>` with EDITOR set to a script that changes the file like a person would. */
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';
import { makeIdeasRepo } from './helpers/authoring.js';
import { git, tempDir } from './helpers/repo.js';

/** An editor that applies a sed expression to the file it is given. */
function sedEditor(expression: string): string {
  const script = join(tempDir('ideas-editor-'), 'editor.sh');
  writeFileSync(script, `#!/bin/sh\nsed -i -e '${expression}' "$1"\n`);
  chmodSync(script, 0o755);
  return script;
}

const SHIP = 'ideas/ship01-offer-overnight-shipping.md';

describe('ideas edit', () => {
  it('a new title renames the file to its slug, keeping the id; the result validates', async () => {
    const root = makeIdeasRepo();
    const editor = sedEditor(
      's/^title: Offer overnight shipping$/title: Ship overnight to cities/',
    );
    const result = await runCli(['edit', 'ship01'], { cwd: root, env: { EDITOR: editor } });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`renamed ${SHIP} to ideas/ship01-ship-overnight-to-cities.md`);
    expect(existsSync(join(root, SHIP))).toBe(false);
    const text = readFileSync(join(root, 'ideas/ship01-ship-overnight-to-cities.md'), 'utf8');
    expect(text).toContain('id: ship01');
    expect(text).toContain('title: Ship overnight to cities');
    expect((await runCli(['validate'], { cwd: root })).code).toBe(0);
  });

  it('an edit in the body is saved in place', async () => {
    const root = makeIdeasRepo();
    const editor = sedEditor('s/one courier in one city/two couriers in two cities/');
    const result = await runCli(['edit', 'ship01'], { cwd: root, env: { VISUAL: editor } });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`wrote ${SHIP}`);
    expect(readFileSync(join(root, SHIP), 'utf8')).toContain('two couriers in two cities');
  });

  it('refuses what validate rejects, keeps the text as a draft, and reopens it next time', async () => {
    const root = makeIdeasRepo();
    const before = readFileSync(join(root, SHIP), 'utf8');
    const breaking = sedEditor('s/^## Evidence$/## Evidense/');
    const refused = await runCli(['edit', 'ship01'], { cwd: root, env: { EDITOR: breaking } });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('would not pass "ideas validate"');
    expect(refused.stderr).toContain('idea/missing-section');
    const draft = /your text is kept in (\S+);/.exec(refused.stderr)?.[1] ?? '';
    expect(readFileSync(draft, 'utf8')).toContain('## Evidense');
    expect(readFileSync(join(root, SHIP), 'utf8')).toBe(before);

    const fixing = sedEditor('s/^## Evidense$/## Evidence/; s/Ten tickets/Twelve tickets/');
    const saved = await runCli(['edit', 'ship01'], { cwd: root, env: { EDITOR: fixing } });
    expect(saved.code).toBe(0);
    expect(saved.stderr).toContain('opening your earlier draft of ship01');
    expect(readFileSync(join(root, SHIP), 'utf8')).toContain('Twelve tickets');
    expect(existsSync(draft)).toBe(false);
  });

  it('refuses a changed id', async () => {
    const root = makeIdeasRepo();
    const result = await runCli(['edit', 'ship01'], {
      cwd: root,
      env: { EDITOR: sedEditor('s/^id: ship01$/id: ship02/') },
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('the id cannot change');
    // The draft of a refused edit waits; clear it so other runs start clean.
    const again = await runCli(['edit', 'ship01'], {
      cwd: root,
      env: { EDITOR: sedEditor('s/^id: ship02$/id: ship01/') },
    });
    expect(again.stdout).toContain('no change');
  });

  it('--branch commits the rename on a new branch and leaves the checkout alone', async () => {
    const root = makeIdeasRepo();
    const editor = sedEditor('s/^title: Offer overnight shipping$/title: Overnight shipping/');
    const result = await runCli(['edit', 'ship01', '--branch'], {
      cwd: root,
      env: { EDITOR: editor },
    });
    expect(result.code).toBe(0);
    const branch = /on the branch (\S+)/.exec(result.stdout)?.[1] ?? '';
    expect(branch).toMatch(/^idea\/ship01-edit-/);
    const files = git(root, 'ls-tree', '-r', '--name-only', branch);
    expect(files).toContain('ideas/ship01-overnight-shipping.md');
    expect(files).not.toContain(SHIP);
    expect(existsSync(join(root, SHIP))).toBe(true);
    expect(git(root, 'status', '--porcelain')).toBe('');
  });

  it('says so when no editor is set', async () => {
    const root = makeIdeasRepo();
    const result = await runCli(['edit', 'ship01'], {
      cwd: root,
      env: { EDITOR: undefined, VISUAL: undefined },
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('no editor: set VISUAL or EDITOR');
  });
});
