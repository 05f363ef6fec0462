// The one thing cli.ts needs of the core when a command fails, behind a named import: a dynamic
// import of "@parley/core" itself made the whole core one entry of the bundle (every export live),
// so every command's chunk held all of it (briefing, rooms, lint…) instead of what it uses.
export { isParleyError } from "@parley/core";
