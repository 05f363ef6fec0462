// Opening the database: the dialect is chosen by the location (a postgres:// URL or a SQLite file).
import { mkdirSync } from "node:fs";
import path from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql } from "kysely";
import pg from "pg";
import type { Database } from "./database.js";
import { migrationProvider } from "./migrations.js";

export type Dialect = "sqlite" | "postgres";

export interface Connection {
  readonly db: Kysely<Database>;
  readonly dialect: Dialect;
  /** The file path (SQLite) or the URL without its password (PostgreSQL), for messages. */
  readonly location: string;
}

/** True for `postgres://…` and `postgresql://…` URLs. */
export function isPostgresUrl(location: string): boolean {
  return /^postgres(ql)?:\/\//i.test(location);
}

/** The URL with its password masked, for logs. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "<postgres url>";
  }
}

/**
 * Open a database: PostgreSQL for a `postgres://` URL, else SQLite at the file path (its folder is
 * created; `:memory:` for a private in-memory database). Does not migrate: see migrateToLatest.
 */
export function connect(location: string): Connection {
  if (isPostgresUrl(location)) {
    const pool = new pg.Pool({ connectionString: location, max: 10 });
    return { db: new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }), dialect: "postgres", location: redactUrl(location) };
  }
  const file = location === ":memory:" ? location : path.resolve(location);
  if (file !== ":memory:") mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new BetterSqlite3(file);
  if (file !== ":memory:") sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  return { db: new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) }), dialect: "sqlite", location: file };
}

/** Run every pending migration of the one list. Throws when one fails. */
export async function migrateToLatest(db: Kysely<Database>, dialect: Dialect): Promise<string[]> {
  // On PostgreSQL, keep kysely's own tables in the current schema (the first of search_path): its
  // check for them otherwise matches tables of the same name in any schema.
  let schema: string | undefined;
  if (dialect === "postgres") {
    const { rows } = await sql<{ schema: string | null }>`select current_schema() as schema`.execute(db);
    schema = rows[0]?.schema ?? undefined;
  }
  const migrator = new Migrator({ db, provider: migrationProvider, ...(schema ? { migrationTableSchema: schema } : {}) });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(`migration failed: ${String(error)}`);
  return (results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
}
