import { describe, expect, it } from 'vitest';
import { DEFAULT_GIT_TIMEOUT_S, gitTimeoutMs } from '../src/git/git-process.js';

describe('IDEAS_GIT_TIMEOUT', () => {
  it('is seconds, 120 unless set, and 0 alone waits for ever', () => {
    expect(gitTimeoutMs({})).toBe(DEFAULT_GIT_TIMEOUT_S * 1000);
    expect(gitTimeoutMs({ IDEAS_GIT_TIMEOUT: ' ' })).toBe(DEFAULT_GIT_TIMEOUT_S * 1000);
    expect(gitTimeoutMs({ IDEAS_GIT_TIMEOUT: '2.5' })).toBe(2500);
    expect(gitTimeoutMs({ IDEAS_GIT_TIMEOUT: '0' })).toBe(0);
  });

  it('a positive value too small for a millisecond still ends a silent git, it does not wait for ever', () => {
    expect(gitTimeoutMs({ IDEAS_GIT_TIMEOUT: '0.000001' })).toBe(1);
    expect(gitTimeoutMs({ IDEAS_GIT_TIMEOUT: '1e-9' })).toBe(1);
  });

  it('refuses what is not a number of seconds', () => {
    for (const text of ['soon', '-1', 'Infinity', 'NaN'])
      expect(() => gitTimeoutMs({ IDEAS_GIT_TIMEOUT: text })).toThrow(/not a number of seconds/);
  });
});
