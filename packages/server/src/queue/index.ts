// "@parley/server/queue": tournaments on a PostgreSQL job queue (pg-boss), for `parley tournament
// --queue`, `parley worker` and the server itself (docs/distributed-tournaments.md).
export {
  TournamentQueue,
  leaseSeconds,
  runJobId,
  RUN_QUEUE,
  FAILED_QUEUE,
  RUN_RETRIES,
  type QueuedTournament,
  type QueuedRunRecord,
  type QueuedTournamentStatus,
  type QueueOptions,
} from "./tournament-queue.js";
export { startQueueWorker, type QueueWorkerOptions, type RunningQueueWorker, type WorkerRunEvent } from "./queue-worker.js";
