// The kill harness on PostgreSQL (room-kill-harness.ts; docs/rooms.md, "Crash safety"): a private
// cluster under PARLEY_TEST_PG=1, skipped with a notice otherwise. A file of its own, so that it runs
// beside the SQLite one.
import { killHarness } from "./room-kill-harness.js";

killHarness("postgres");
