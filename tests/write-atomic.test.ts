import { existsSync, mkdirSync, readdirSync, writeFileSync, type WriteFileOptions } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeBufferAtomic, type WriteCalls } from '../src/write/atomic.js';
import { WriteError } from '../src/errors.js';
import * as fs from 'node:fs';
import { tempDir } from './helpers/repo.js';

function failing(code: string, at: keyof WriteCalls): WriteCalls {
  const fail = () => {
    throw Object.assign(new Error(`${code}: simulated`), { code });
  };
  return {
    mkdirSync: at === 'mkdirSync' ? fail : fs.mkdirSync,
    // A full disk creates the file, then fails to fill it: the half-written file must go.
    writeFileSync:
      at === 'writeFileSync'
        ? (path: fs.PathOrFileDescriptor, _data: unknown, options?: WriteFileOptions) => {
            writeFileSync(path, 'half', options);
            fail();
          }
        : fs.writeFileSync,
    linkSync: at === 'linkSync' ? fail : fs.linkSync,
    renameSync: at === 'renameSync' ? fail : fs.renameSync,
  } as WriteCalls;
}

describe('writeBufferAtomic on failure', () => {
  for (const at of ['mkdirSync', 'writeFileSync', 'linkSync', 'renameSync'] as const) {
    for (const code of ['ENOSPC', 'EROFS', 'EACCES']) {
      it(`${code} at ${at}: a WriteError, no temporary file left`, () => {
        const dir = tempDir();
        mkdirSync(join(dir, 'votes'));
        const target = join(dir, 'votes', 'carol.md');
        let thrown: unknown;
        try {
          writeBufferAtomic(target, 'text', { exclusive: at === 'linkSync' }, failing(code, at));
        } catch (error) {
          thrown = error;
        }
        expect(thrown).toBeInstanceOf(WriteError);
        expect((thrown as WriteError).code).toBe(code);
        expect((thrown as WriteError).message).toMatch(
          code === 'ENOSPC' ? /disk is full/ : code === 'EROFS' ? /read-only/ : /permission/,
        );
        expect(readdirSync(join(dir, 'votes'))).toEqual([]);
        expect(existsSync(target)).toBe(false);
      });
    }
  }

  it('passes other errors on unchanged (EEXIST for an exclusive write)', () => {
    const dir = tempDir();
    const target = join(dir, 'a.md');
    writeFileSync(target, 'first');
    expect(() => writeBufferAtomic(target, 'second', { exclusive: true })).toThrow(
      expect.objectContaining({ code: 'EEXIST' }),
    );
    expect(readdirSync(dir)).toEqual(['a.md']);
  });
});
