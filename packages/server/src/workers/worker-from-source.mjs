// Loads the TypeScript worker when the server runs from source (tsx, vitest): worker threads do not
// inherit a TypeScript loader, so this registers tsx's in the worker first (the `@parley/source`
// condition comes with the inherited execArgv). The built package runs dist/workers/worker.js.
import { register } from "tsx/esm/api";

register();
const worker = await import("./worker.ts");
export default worker.default;
