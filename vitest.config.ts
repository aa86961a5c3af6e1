import { defineConfig } from 'vitest/config';

// One run for every kind of test: pure rules (test/unit), the real server over loopback
// (test/server), and real chromium through playwright-core (test/e2e).
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    maxWorkers: 2,
    reporters: ['default', ['json', { outputFile: '.tmp/vitest-report.json' }]],
  },
});
