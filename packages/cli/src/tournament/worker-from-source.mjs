// Loads the TypeScript worker when Parley runs from source (tsx, vitest): worker threads do not
// inherit a TypeScript loader, so this registers tsx's in the worker first. The built package
// runs dist/tournament/worker.js directly.
import { register } from "tsx/esm/api";

register();
const worker = await import("./worker.ts");
export default worker.default;
