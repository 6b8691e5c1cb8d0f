import { expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { makeRepo } from '../helpers/repo.js';
import { handBuiltTree } from './fixture.js';

// The ranking tests' repository must be one `validate` accepts, so the orders they check are
// the orders a real, merged repository would show.
it('the hand-built repository is itself valid', async () => {
  const root = makeRepo(handBuiltTree(), { git: false });
  const result = await runCli(['validate'], { cwd: root });
  expect(result.stdout).toContain('no problems');
  expect(result.code).toBe(0);
});
