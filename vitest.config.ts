import { defineConfig } from "vitest/config";

// `npm test` runs both projects: unit/integration tests, and the workbench's browser tests
// (they build the app, start the real server and drive /usr/bin/chromium; without chromium they
// skip with a notice).
export default defineConfig({
  resolve: { conditions: ["@parley/source"] },
  ssr: { resolve: { conditions: ["@parley/source"] } },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          setupFiles: ["test/setup-fast-check.ts"],
          // Says once per run when the GENIUS corpus beside the checkout is missing (its tests skip).
          globalSetup: ["test/corpus-notice.ts"],
          include: ["packages/*/src/**/*.test.ts", "packages/*/test/**/*.test.ts"],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: "e2e",
          include: ["packages/web/e2e/**/*.test.ts"],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
