import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Chooses (and if need be unpacks) the browser once for the browser tests.
    globalSetup: ['tests/browser/global-setup.ts'],
    // Type-level tests (*.test-d.ts) are compiled, never run.
    typecheck: { enabled: true, include: ['tests/**/*.test-d.ts'] },
  },
});
