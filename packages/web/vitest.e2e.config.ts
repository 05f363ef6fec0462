// The workbench's browser tests: `npx vitest run -c packages/web/vitest.e2e.config.ts` (from the
// repository root) or `npm run test:e2e -w @parley/web`. They build the app, start the real server
// and drive /usr/bin/chromium; without chromium they skip with a notice.
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  root: fileURLToPath(new URL("../../", import.meta.url)),
  resolve: { conditions: ["@parley/source"] },
  ssr: { resolve: { conditions: ["@parley/source"] } },
  test: {
    include: ["packages/web/e2e/**/*.test.ts"],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    fileParallelism: false,
  },
});
