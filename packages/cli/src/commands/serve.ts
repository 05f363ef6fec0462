// `parley serve`: the HTTP server and web workbench (package @parley/server), loaded only when this
// command runs, so that the rest of the CLI never loads fastify or the database drivers.
import path from "node:path";
import type { Command } from "commander";
import { port } from "../options.js";
import { ExitCode } from "../exit-codes.js";
import type { CliIo } from "../io.js";
import { UserError } from "../user-error.js";

/** The part of @parley/server this command uses (the package is imported at run time only). */
interface RunningServer {
  readonly url: string;
  close(): Promise<void>;
  readonly closed: Promise<void>;
}
interface ServerModule {
  startServer(options: { port?: number; db?: string; print?: (line: string) => void }): Promise<RunningServer>;
}

export interface ServeFlags {
  readonly port?: number;
  readonly db?: string;
}

export interface ServeHooks {
  /** Called once the server listens (tests use it to stop the server). */
  readonly onStarted?: (server: RunningServer) => void | Promise<void>;
  /** The server package to import (tests name a missing one); default "@parley/server". */
  readonly serverPackage?: string;
}

/** Register `parley serve [--port N] [--db FILE|URL]` on the program. */
export function registerServeCommand(program: Command, io: CliIo, hooks: ServeHooks = {}): Command {
  return program
    .command("serve")
    .description("Run the Parley server on 127.0.0.1: REST API (/api), its docs (/docs) and the web workbench. Stop with Ctrl-C.")
    .option("--port <n>", "port to listen on (default: PARLEY_PORT, else 4600; 0 picks a free port)", port)
    .option("--db <file|url>", "SQLite file, or a postgres:// URL (default: PARLEY_DB, else DATABASE_URL, else ./data/parley.sqlite)")
    .addHelpText(
      "after",
      `
Environment: PARLEY_PORT, PARLEY_DB, DATABASE_URL (PostgreSQL), PARLEY_STATIC_DIR (the web app's build), PARLEY_LOG=1.
Docs: docs/server.md`,
    )
    .action(async (flags: ServeFlags) => serveCommand(flags, io, hooks));
}

export async function serveCommand(flags: ServeFlags, io: CliIo, hooks: ServeHooks = {}): Promise<void> {
  const server = await importServerPackage<ServerModule>(hooks.serverPackage ?? "@parley/server", "serve");
  const running = await server.startServer({
    ...(flags.port !== undefined ? { port: flags.port } : {}),
    ...(flags.db !== undefined ? { db: dbLocation(flags.db, io.cwd) } : {}),
    print: (line) => io.stdout(`${line}\n`),
  });
  await hooks.onStarted?.(running);
  await running.closed;
}

/**
 * Import the server package (or one of its subpaths) at run time, or say how to install it. A
 * computed specifier: the CLI does not depend on the server's types at build time, and the server
 * is an optional peer dependency of @parley/cli.
 */
export async function importServerPackage<T>(specifier: string, command: string): Promise<T> {
  try {
    return (await import(specifier)) as T;
  } catch (error) {
    const e = error as { code?: string; message?: string };
    const pkg = specifier.split("/").slice(0, 2).join("/");
    if (e.code !== "ERR_MODULE_NOT_FOUND" || !String(e.message).includes(`'${pkg}`)) throw error;
    throw new UserError(
      `${command} needs the server package, which is not installed: npm install ${pkg}@0.1.0 (beside @parley/cli; globally: npm install -g ${pkg}@0.1.0)`,
      ExitCode.usage,
    );
  }
}

/** A relative SQLite path is relative to the CLI's working directory; URLs and :memory: stay as they are. */
function dbLocation(db: string, cwd: string): string {
  if (db === ":memory:" || /^[a-z][a-z0-9+.-]*:\/\//i.test(db)) return db;
  return path.resolve(cwd, db);
}
