// The kill harness on SQLite (room-kill-harness.ts; docs/rooms.md, "Crash safety").
import { killHarness } from "./room-kill-harness.js";

killHarness("sqlite");
