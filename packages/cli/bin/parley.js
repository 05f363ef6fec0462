#!/usr/bin/env node
// The `parley` executable: runs the compiled CLI (dist/). In the repository, `npm install` builds
// every package's dist/ (the root `prepare` script); `npm run parley -- …` runs the TypeScript source.
try {
  await import("../dist/main.js");
} catch (error) {
  // dist/ of this package (or of @parley/core / @parley/formats in a clone) not built yet.
  const missing = /Cannot find (?:module|package) '([^']*)'/.exec(String(error?.message))?.[1] ?? "";
  if (error?.code === "ERR_MODULE_NOT_FOUND" && /[\\/]dist[\\/]/.test(missing)) {
    process.stderr.write(
      `parley: Parley is not built (${missing} is missing).\n` +
        "In a clone of the repository, run `npm install` (it builds every package), or `npm run build`.\n",
    );
    process.exitCode = 1;
  } else throw error;
}
