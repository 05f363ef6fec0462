// PostgreSQL for the server's tests.
//
// - PARLEY_TEST_DATABASE_URL or DATABASE_URL set: that server is used.
// - PARLEY_TEST_PG=1: a private cluster is started with the machine's PostgreSQL binaries
//   (/usr/lib/postgresql/<n>/bin, or PARLEY_PG_BIN): initdb into a temp folder (as the `postgres`
//   user when running as root), pg_ctl on 127.0.0.1 and a free port, a database created; stopped and
//   removed afterwards.
// - otherwise the PostgreSQL suites are skipped (with a notice).
//
// Every app gets a fresh schema (search_path), dropped afterwards, so suites never see each other's rows.
import { execFileSync, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";

export interface PgServer {
  /** A URL to a database the tests may create schemas in. */
  readonly url: string;
  /** Stop the private cluster (nothing for an external server). */
  stop(): Promise<void>;
}

/** Why PostgreSQL tests run or not: the external URL, "private", or undefined (skipped). */
export function pgMode(): { kind: "external"; url: string } | { kind: "private" } | undefined {
  const url = process.env["PARLEY_TEST_DATABASE_URL"] || process.env["DATABASE_URL"];
  if (url) return { kind: "external", url };
  if (process.env["PARLEY_TEST_PG"] === "1") return { kind: "private" };
  return undefined;
}

let noticed = false;
/** Print once per test file that the PostgreSQL suite is skipped, and how to run it. */
export function skipNotice(): void {
  if (noticed) return;
  noticed = true;
  process.stderr.write(
    "[parley server tests] PostgreSQL suite skipped: set PARLEY_TEST_PG=1 (private cluster with /usr/lib/postgresql/*/bin) or PARLEY_TEST_DATABASE_URL\n",
  );
}

function pgBin(): string {
  const fromEnv = process.env["PARLEY_PG_BIN"];
  if (fromEnv) return fromEnv;
  const root = "/usr/lib/postgresql";
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((v) => existsSync(path.join(root, v, "bin", "initdb")))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (versions.length === 0) throw new Error("PARLEY_TEST_PG=1 but no PostgreSQL server binaries in /usr/lib/postgresql/*/bin (apt-get install -y postgresql)");
  return path.join(root, versions[0]!, "bin");
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Start a private cluster (PARLEY_TEST_PG=1). */
async function startPrivateCluster(): Promise<PgServer> {
  const bin = pgBin();
  const dir = mkdtempSync(path.join(os.tmpdir(), "parley-pg-"));
  const data = path.join(dir, "data");
  const asRoot = process.getuid?.() === 0;
  let ids: { uid: number; gid: number } | undefined;
  if (asRoot) {
    // PostgreSQL refuses to run as root: run it as the `postgres` user, who must own the folder.
    const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim());
    const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim());
    chownSync(dir, uid, gid);
    ids = { uid, gid };
  }
  const run = (cmd: string, args: string[]) => {
    const r = spawnSync(path.join(bin, cmd), args, { encoding: "utf8", cwd: dir, ...(ids ?? {}) });
    if (r.status !== 0) throw new Error(`${cmd} failed (${r.status}): ${r.stderr || r.stdout || r.error?.message}`);
  };
  const port = await freePort();
  run("initdb", ["-D", data, "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8", "--locale=C"]);
  run("pg_ctl", [
    "-D",
    data,
    "-l",
    path.join(dir, "server.log"),
    "-o",
    `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir} -c fsync=off -c synchronous_commit=off -c full_page_writes=off`,
    "-w",
    "start",
  ]);
  const admin = new pg.Client({ connectionString: `postgres://postgres@127.0.0.1:${port}/postgres` });
  await admin.connect();
  await admin.query("CREATE DATABASE parley_test");
  await admin.end();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/parley_test`,
    async stop() {
      try {
        run("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

/** The PostgreSQL server for this test file, or undefined when the suite is skipped. */
export async function startPostgres(): Promise<PgServer | undefined> {
  const mode = pgMode();
  if (!mode) return undefined;
  if (mode.kind === "external") return { url: mode.url, stop: async () => {} };
  return startPrivateCluster();
}

/** A URL whose connections see only a new, empty schema; drop it with the returned function. */
export async function freshSchema(baseUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const schema = `parley_t_${randomBytes(6).toString("hex")}`;
  const client = new pg.Client({ connectionString: baseUrl });
  await client.connect();
  await client.query(`CREATE SCHEMA ${schema}`);
  await client.end();
  const sep = baseUrl.includes("?") ? "&" : "?";
  return {
    url: `${baseUrl}${sep}options=${encodeURIComponent(`-c search_path=${schema}`)}`,
    async drop() {
      const c = new pg.Client({ connectionString: baseUrl });
      await c.connect();
      await c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await c.end();
    },
  };
}

/** A URL of a new, empty database on the server (for what a schema cannot isolate, e.g. pg-boss's own schema). */
export async function freshDatabase(baseUrl: string, name: string): Promise<string> {
  const client = new pg.Client({ connectionString: baseUrl });
  await client.connect();
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
