// How cli.ts loads each command's module: lazily, so `parley --version` loads none of them.
// In dist/ (as tsc writes it, and in the tests) these are plain dynamic imports. The bundle
// (scripts/bundle.mjs) replaces this file: there every command is a CommonJS file of its own,
// loaded through V8's code cache (compile-cache.ts). Keep the shape `name: () => import("./commands/NAME.js")`,
// one per line: bundle.mjs reads the list from this file.
export const commandModules = {
  analyze: () => import("./commands/analyze.js"),
  audit: () => import("./commands/audit.js"),
  convert: () => import("./commands/convert.js"),
  framework: () => import("./commands/framework.js"),
  lint: () => import("./commands/lint.js"),
  queue: () => import("./commands/queue.js"),
  report: () => import("./commands/report.js"),
  room: () => import("./commands/room.js"),
  schema: () => import("./commands/schema.js"),
  simulate: () => import("./commands/simulate.js"),
  statement: () => import("./commands/statement.js"),
  timeline: () => import("./commands/timeline.js"),
  tournament: () => import("./commands/tournament.js"),
  validate: () => import("./commands/validate.js"),
};
