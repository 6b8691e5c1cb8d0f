/** Files the user names for a command to read (`-` for stdin): --from-json and --body-file. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { UsageError } from '../errors.js';
import type { Context } from './context.js';

export async function readInput(ctx: Context, path: string, flag: string): Promise<string> {
  if (path === '-') {
    const chunks: Buffer[] = [];
    for await (const chunk of ctx.stdin)
      chunks.push(
        typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk as Uint8Array),
      );
    return Buffer.concat(chunks).toString('utf8');
  }
  try {
    return readFileSync(resolve(ctx.cwd, path), 'utf8');
  } catch (error) {
    throw new UsageError(
      `cannot read ${path} for ${flag}: ${error instanceof Error ? error.message : String(error)}`,
      'check the path, or pass - to read standard input',
    );
  }
}
