import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Tests read NO_COLOR from here so that output compares as plain text.
    env: { NO_COLOR: '1', IDEAS_TODAY: '2026-11-24' },
  },
});
