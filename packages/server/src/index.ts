// The public API of @parley/server (Node only). The request/response types: "@parley/server/api".
export { buildApp, type BuildAppOptions } from "./app.js";
export { startServer, serverConfigFromEnv, type StartOptions, type RunningServer } from "./start.js";
export { defaultLimits, type ServerLimits } from "./context.js";
export {
  httpErrors,
  httpErrorCodes,
  parleyErrorStatus,
  HttpError,
  type HttpErrorCode,
  type ErrorBody,
  type ApiIssue,
} from "./errors.js";
export { Store, scenarioSlug, type ScenarioSummary, type ScenarioVersion, type StoreOptions } from "./store/store.js";
export { connect, migrateToLatest, isPostgresUrl, type Dialect } from "./store/connect.js";
export { migrations } from "./store/migrations.js";
export type { Database } from "./store/database.js";
