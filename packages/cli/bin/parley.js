#!/usr/bin/env node
// The `parley` executable: runs the compiled CLI, bundled (dist/bundle/, written by `npm run build`
// after tsc: one file per command instead of hundreds of modules, which start 300–400 ms faster), or
// dist/ as tsc wrote it when the bundle is absent. In the repository, `npm install` builds every
// package (the root `prepare` script); `npm run parley -- …` runs the TypeScript source.
const isMissing = (error, file) => error?.code === "ERR_MODULE_NOT_FOUND" && String(error?.message).includes(file);
try {
  try {
    await import("../dist/bundle/main.js");
  } catch (error) {
    if (!isMissing(error, "dist/bundle/main.js")) throw error;
    await import("../dist/main.js");
  }
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
