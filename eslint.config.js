import js from "@eslint/js";
import tseslint from "typescript-eslint";
import globals from "globals";

export default tseslint.config(
  { ignores: ["**/dist/**", "**/node_modules/**", "schema/**", "coverage/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/no-non-null-assertion": "off",
    },
  },
  {
    // The core, the audit log and the universal part of the formats run in browsers and Web Workers too.
    files: ["packages/core/src/**/*.ts", "packages/audit/src/**/*.ts", "packages/solve/src/**/*.ts", "packages/client/src/**/*.ts", "packages/formats/src/*.ts", "packages/formats/src/native/**/*.ts", "packages/formats/src/genius/**/*.ts"],
    ignores: ["**/*.test.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: ["node:*", "fs", "path", "os", "url", "child_process"], message: "Universal code: no Node modules (file access lives in packages/formats/src/node)." }] }],
    },
  },
  {
    // The workbench runs in the browser (and a Web Worker): no Node modules.
    files: ["packages/web/src/**/*.{ts,tsx}"],
    ignores: ["packages/web/src/**/*.test.ts"],
    languageOptions: { globals: { ...globals.browser, ...globals.worker } },
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: ["node:*"], message: "packages/web/src runs in the browser: no Node modules." }] }],
      // The API contract's types come from the server; its code (zod, Fastify) stays out of the bundle.
      "@typescript-eslint/no-restricted-imports": [
        "error",
        { patterns: [{ group: ["@parley/server", "@parley/server/*"], allowTypeImports: true, message: "Import the server's API types with `import type` (no server code in the browser)." }] },
      ],
    },
  },
  {
    // The core and the audit log are deterministic: randomness and time are parameters (the audit
    // log's keys and salts come from the platform's CSPRNG through @noble, or from a given seed).
    files: ["packages/core/src/**/*.ts", "packages/audit/src/**/*.ts"],
    ignores: ["packages/core/src/**/*.test.ts", "packages/audit/src/**/*.test.ts"],
    rules: {
      "no-restricted-properties": [
        "error",
        { object: "Math", property: "random", message: "Pass an Rng instead (core is deterministic)." },
        { object: "Date", property: "now", message: "Pass the time in (core is deterministic)." },
      ],
      "no-console": "error",
    },
  },
);
