// The ONE migration list, for SQLite and PostgreSQL (kysely Migrator with an in-code provider).
// Migrations are append-only: never edit or reorder one that has shipped; add a new one.
import type { Kysely, Migration, MigrationProvider } from "kysely";

export const migrations: Readonly<Record<string, Migration>> = {
  "0001_initial": {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("scenarios")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("name", "text", (c) => c.notNull())
        .addColumn("version", "integer", (c) => c.notNull())
        .addColumn("builtin", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("updated_at", "text", (c) => c.notNull())
        .addColumn("deleted_at", "text")
        .execute();

      await db.schema
        .createTable("scenario_versions")
        .addColumn("scenario_id", "text", (c) => c.notNull().references("scenarios.id"))
        .addColumn("version", "integer", (c) => c.notNull())
        .addColumn("name", "text", (c) => c.notNull())
        .addColumn("format", "text", (c) => c.notNull())
        .addColumn("yaml", "text", (c) => c.notNull())
        .addColumn("model", "text", (c) => c.notNull())
        .addColumn("parties", "text", (c) => c.notNull())
        .addColumn("issue_count", "integer", (c) => c.notNull())
        .addColumn("framework_count", "integer", (c) => c.notNull())
        .addColumn("created_at", "text", (c) => c.notNull())
        .addPrimaryKeyConstraint("scenario_versions_pk", ["scenario_id", "version"])
        .execute();

      await db.schema
        .createTable("analyses")
        .addColumn("scenario_id", "text", (c) => c.notNull().references("scenarios.id"))
        .addColumn("version", "integer", (c) => c.notNull())
        .addColumn("kind", "text", (c) => c.notNull())
        .addColumn("params_hash", "text", (c) => c.notNull())
        .addColumn("params", "text", (c) => c.notNull())
        .addColumn("result", "text", (c) => c.notNull())
        .addColumn("created_at", "text", (c) => c.notNull())
        .addPrimaryKeyConstraint("analyses_pk", ["scenario_id", "version", "kind", "params_hash"])
        .execute();

      await db.schema
        .createTable("simulations")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("scenario_id", "text", (c) => c.notNull())
        .addColumn("version", "integer", (c) => c.notNull())
        .addColumn("status", "text", (c) => c.notNull())
        .addColumn("request", "text", (c) => c.notNull())
        .addColumn("result", "text")
        .addColumn("error", "text")
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("started_at", "text")
        .addColumn("finished_at", "text")
        .execute();
      await db.schema.createIndex("simulations_status").on("simulations").column("status").execute();

      await db.schema
        .createTable("tournaments")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("status", "text", (c) => c.notNull())
        .addColumn("config", "text", (c) => c.notNull())
        .addColumn("done", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("total", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("results", "text")
        .addColumn("error", "text")
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("started_at", "text")
        .addColumn("finished_at", "text")
        .execute();
      await db.schema.createIndex("tournaments_status").on("tournaments").column("status").execute();
    },
    async down(db: Kysely<unknown>) {
      for (const table of ["tournaments", "simulations", "analyses", "scenario_versions", "scenarios"])
        await db.schema.dropTable(table).execute();
    },
  },
  "0002_job_lists_and_tournament_runs": {
    async up(db: Kysely<unknown>) {
      // Each finished run of a tournament, stored as it finishes: a tournament the server left
      // unfinished resumes from these.
      await db.schema
        .createTable("tournament_runs")
        .addColumn("tournament_id", "text", (c) => c.notNull().references("tournaments.id"))
        .addColumn("idx", "integer", (c) => c.notNull())
        .addColumn("record", "text", (c) => c.notNull())
        .addPrimaryKeyConstraint("tournament_runs_pk", ["tournament_id", "idx"])
        .execute();
      // The job lists: newest first.
      await db.schema.createIndex("simulations_created").on("simulations").columns(["created_at", "id"]).execute();
      await db.schema.createIndex("tournaments_created").on("tournaments").columns(["created_at", "id"]).execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropIndex("tournaments_created").execute();
      await db.schema.dropIndex("simulations_created").execute();
      await db.schema.dropTable("tournament_runs").execute();
    },
  },
  "0003_queued_tournaments": {
    async up(db: Kysely<unknown>) {
      // Tournaments on the PostgreSQL job queue (docs/distributed-tournaments.md): each is keyed by
      // its plan hash; a run's record is written in the transaction that completes its job.
      await db.schema
        .createTable("queued_tournaments")
        .addColumn("plan", "text", (c) => c.primaryKey())
        .addColumn("label", "text", (c) => c.notNull())
        .addColumn("total", "integer", (c) => c.notNull())
        .addColumn("definition", "text", (c) => c.notNull())
        .addColumn("created_at", "text", (c) => c.notNull())
        .execute();
      await db.schema
        .createTable("queued_runs")
        .addColumn("plan", "text", (c) => c.notNull().references("queued_tournaments.plan"))
        .addColumn("idx", "integer", (c) => c.notNull())
        .addColumn("status", "text", (c) => c.notNull())
        .addColumn("error_code", "text")
        .addColumn("record", "text", (c) => c.notNull())
        .addColumn("worker", "text", (c) => c.notNull())
        .addColumn("attempt", "integer", (c) => c.notNull())
        .addColumn("finished_at", "text", (c) => c.notNull())
        .addPrimaryKeyConstraint("queued_runs_pk", ["plan", "idx"])
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable("queued_runs").execute();
      await db.schema.dropTable("queued_tournaments").execute();
    },
  },
  "0004_rooms": {
    async up(db: Kysely<unknown>) {
      // Live rooms (docs/rooms.md): event-sourced, so the events are the data; the room row says
      // where the log stands. Tokens are stored hashed. The audit log and its signed heads are
      // written in the same transaction as the events they record.
      await db.schema
        .createTable("rooms")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("scenario_id", "text", (c) => c.notNull())
        .addColumn("version", "integer", (c) => c.notNull())
        .addColumn("spec", "text", (c) => c.notNull())
        .addColumn("status", "text", (c) => c.notNull())
        .addColumn("last_seq", "integer", (c) => c.notNull())
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("updated_at", "text", (c) => c.notNull())
        .execute();
      await db.schema.createIndex("rooms_status").on("rooms").column("status").execute();
      await db.schema
        .createTable("room_events")
        .addColumn("room_id", "text", (c) => c.notNull().references("rooms.id"))
        .addColumn("seq", "integer", (c) => c.notNull())
        .addColumn("type", "text", (c) => c.notNull())
        .addColumn("actor", "text", (c) => c.notNull())
        .addColumn("public", "text", (c) => c.notNull())
        .addColumn("private", "text")
        .addColumn("commitment", "text")
        .addColumn("salt", "text")
        .addColumn("at", "text", (c) => c.notNull())
        .addPrimaryKeyConstraint("room_events_pk", ["room_id", "seq"])
        .execute();
      await db.schema
        .createTable("room_tokens")
        .addColumn("token_hash", "text", (c) => c.primaryKey())
        .addColumn("room_id", "text", (c) => c.notNull().references("rooms.id"))
        .addColumn("role", "text", (c) => c.notNull())
        .addColumn("party", "text")
        .addColumn("kind", "text", (c) => c.notNull())
        .addColumn("expires_at", "text", (c) => c.notNull())
        .addColumn("used_at", "text")
        .addColumn("created_at", "text", (c) => c.notNull())
        .execute();
      await db.schema.createIndex("room_tokens_room").on("room_tokens").column("room_id").execute();
      await db.schema
        .createTable("audit_entries")
        .addColumn("room_id", "text", (c) => c.notNull().references("rooms.id"))
        .addColumn("idx", "integer", (c) => c.notNull())
        .addColumn("entry", "text", (c) => c.notNull())
        .addColumn("leaf_hash", "text", (c) => c.notNull())
        .addPrimaryKeyConstraint("audit_entries_pk", ["room_id", "idx"])
        .execute();
      await db.schema
        .createTable("audit_heads")
        .addColumn("room_id", "text", (c) => c.notNull().references("rooms.id"))
        .addColumn("tree_size", "integer", (c) => c.notNull())
        .addColumn("root", "text", (c) => c.notNull())
        .addColumn("timestamp", "bigint", (c) => c.notNull())
        .addColumn("signature", "text", (c) => c.notNull())
        .addPrimaryKeyConstraint("audit_heads_pk", ["room_id", "tree_size"])
        .execute();
      await db.schema
        .createTable("server_keys")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("public_key", "text", (c) => c.notNull())
        .addColumn("private_key", "text", (c) => c.notNull())
        .addColumn("created_at", "text", (c) => c.notNull())
        .execute();
    },
    async down(db: Kysely<unknown>) {
      for (const table of ["server_keys", "audit_heads", "audit_entries", "room_tokens", "room_events", "rooms"]) await db.schema.dropTable(table).execute();
    },
  },
};

/** The provider for kysely's Migrator: the list above, in code (no migration folder to ship). */
export const migrationProvider: MigrationProvider = {
  getMigrations: async () => ({ ...migrations }),
};
