import { defineConfig } from 'vitest/config';

// Playwright drives Debian's Chromium against the built renderer, wired to the real IPC handlers
// and a real temporary register. One browser at a time: these machines have two cores.
export default defineConfig({
  test: {
    include: ['test/browser/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
    reporters: ['default'],
  },
});
