import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Type-level tests (*.test-d.ts) are compiled, never run.
    typecheck: { enabled: true, include: ['tests/**/*.test-d.ts'] },
  },
});
