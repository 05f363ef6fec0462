// `parley room create|invite|status|watch|export|play`: live rooms on a running server (docs/rooms.md,
// "CLI"), through @parley/client. Server out of reach → exit 5; a refused token, an unknown room or
// a rule the room enforces → exit 2 with the server's code.
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { negotiatorFromSpec, type RoomEvent, type RoomView } from "@parley/core";
import { playSeat, retryTransient, RoomApiError, RoomClient, type RoomCreateRequest, type WebSocketConstructor } from "@parley/client";
import { parse as parseYaml } from "yaml";
import WebSocket from "ws";
import { ExitCode } from "../exit-codes.js";
import type { CliIo } from "../io.js";
import { UserError } from "../user-error.js";

/** Where `parley serve` listens by default (PARLEY_PORT, else 4600). */
export function defaultServer(): string {
  const port = process.env["PARLEY_PORT"];
  return `http://127.0.0.1:${port && /^\d+$/.test(port) ? port : "4600"}`;
}

export interface RoomServerFlags {
  readonly server?: string;
  readonly json?: boolean;
}
export interface RoomCreateFlags extends RoomServerFlags {
  readonly protocol?: RoomCreateRequest["protocol"];
  readonly seat: readonly string[];
  readonly mediator?: "human" | "engine";
  readonly rounds?: number;
  readonly seconds?: number;
  readonly exclude?: readonly string[];
  readonly disclosure?: "aggregates" | "none";
  readonly opening?: string;
  readonly seed?: number;
  readonly version?: number;
}
export interface RoomTokenFlags extends RoomServerFlags {
  readonly token?: string;
}
export interface RoomInviteFlags extends RoomTokenFlags {
  readonly role: "observer" | "convener" | "mediator" | "seat";
  readonly party?: string;
}
export interface RoomWatchFlags extends RoomTokenFlags {
  readonly after?: number;
}
export interface RoomExportFlags extends RoomTokenFlags {
  readonly out: string;
}
export interface RoomPlayFlags {
  readonly invite: string;
  readonly agent: string;
  readonly preferences?: string;
  readonly seed?: number;
  readonly json?: boolean;
  readonly quiet?: boolean;
}

const WS = WebSocket as unknown as WebSocketConstructor;
const serverOf = (flags: RoomServerFlags) => (flags.server ?? defaultServer()).replace(/\/+$/, "");

/** The client's errors as the CLI reports them. */
async function cli<T>(server: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    if (!(e instanceof RoomApiError)) throw e;
    if (e.unreachable) throw new UserError(`${e.message}: is \`parley serve\` running there? (--server URL)`, ExitCode.unavailable);
    throw new UserError(`${server}: ${e.message} [${e.code}]`, e.status >= 500 ? ExitCode.internal : ExitCode.usage);
  }
}

function tokenOf(flags: RoomTokenFlags): string {
  const token = flags.token ?? process.env["PARLEY_ROOM_TOKEN"];
  if (!token) throw new UserError("a session token is needed: --token TOKEN (or PARLEY_ROOM_TOKEN)");
  return token;
}

/** `party=human` or `party=AGENT_SPEC` (the spec may hold `=` and `,`: split at the first `=`). */
function seatsOf(seats: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const s of seats) {
    const eq = s.indexOf("=");
    if (eq <= 0 || eq === s.length - 1) throw new UserError(`--seat ${s}: expected PARTY=human or PARTY=AGENT, e.g. --seat ukraine=human --seat russia="boulware(e=0.2)"`);
    const party = s.slice(0, eq);
    if (party in out) throw new UserError(`--seat ${party} is given twice`);
    out[party] = s.slice(eq + 1);
  }
  return out;
}

export async function roomCreateCommand(scenario: string, flags: RoomCreateFlags, io: CliIo): Promise<void> {
  const server = serverOf(flags);
  if (flags.seat.length === 0) throw new UserError("a room needs its seats: --seat PARTY=human|AGENT for every party");
  const deadline = flags.rounds !== undefined || flags.seconds !== undefined ? { ...(flags.rounds !== undefined ? { rounds: flags.rounds } : {}), ...(flags.seconds !== undefined ? { seconds: flags.seconds } : {}) } : undefined;
  const request: RoomCreateRequest = {
    scenario,
    seats: seatsOf(flags.seat),
    ...(flags.version !== undefined ? { version: flags.version } : {}),
    ...(flags.protocol ? { protocol: flags.protocol } : {}),
    ...(flags.mediator ? { mediator: flags.mediator } : {}),
    ...(deadline ? { deadline } : {}),
    ...(flags.exclude?.length ? { excluded: [...flags.exclude] } : {}),
    ...(flags.disclosure ? { disclosure: flags.disclosure } : {}),
    ...(flags.opening ? { opening: flags.opening } : {}),
    ...(flags.seed !== undefined ? { seed: flags.seed } : {}),
  };
  const client = new RoomClient({ server });
  const created = await cli(server, () => client.create(request));
  const url = `${server}/api/rooms/${created.id}`;
  const links = Object.fromEntries(Object.entries(created.invites).map(([who, invite]) => [who, workbenchLink(server, created.id, invite)]));
  if (flags.json) return io.stdout(`${JSON.stringify({ ...created, url, links }, null, 2)}\n`);
  const lines = [`room ${created.id}`, `url ${url}`, `convene token ${created.conveneToken}`];
  const invites = Object.entries(created.invites);
  if (invites.length > 0) {
    lines.push("invites (one-time; hand each to its holder):");
    for (const [who, invite] of invites) lines.push(`  ${who.padEnd(12)} ${invite}`);
    lines.push("the same as links to open in a browser (the workbench's consoles):");
    for (const [who, link] of Object.entries(links)) lines.push(`  ${who.padEnd(12)} ${link}`);
    lines.push(`a seat joins and plays with: parley room play ${url} --invite INVITE --agent "boulware(e=0.2)"`);
  }
  lines.push(`the convener's console in a browser: parley room invite ${created.id} --role convener --server ${server} --token ${created.conveneToken}`);
  lines.push(`watch: parley room watch ${created.id} --server ${server} --token ${created.conveneToken}`);
  io.stdout(`${lines.join("\n")}\n`);
}

/** The workbench's invite link (the server serves the workbench): opening it exchanges the invite for the room's cookie. */
export function workbenchLink(server: string, room: string, invite: string): string {
  return `${server}/#/rooms/${encodeURIComponent(room)}/join?invite=${encodeURIComponent(invite)}`;
}

export async function roomInviteCommand(room: string, flags: RoomInviteFlags, io: CliIo): Promise<void> {
  const server = serverOf(flags);
  if (flags.role === "seat" && flags.party === undefined) throw new UserError("--role seat needs --party PARTY (a human seat that has not joined)");
  if (flags.role !== "seat" && flags.party !== undefined) throw new UserError(`--party names a seat: it goes with --role seat, not --role ${flags.role}`);
  const client = new RoomClient({ server, room, token: tokenOf(flags) });
  const got = await cli(server, () => client.invite({ role: flags.role, ...(flags.party !== undefined ? { party: flags.party } : {}) }));
  const link = workbenchLink(server, room, got.invite);
  if (flags.json) return io.stdout(`${JSON.stringify({ ...got, link }, null, 2)}\n`);
  const who = flags.role === "seat" ? `the seat of ${flags.party}` : `the ${flags.role}`;
  io.stdout(`invite for ${who} (one-time): ${got.invite}\nlink to open in a browser: ${link}\n`);
}

/** A one-line summary of the room as the token's holder sees it. */
function statusLines(view: RoomView, role: string, party: string | undefined): string[] {
  const pkg = (p: Readonly<Record<string, unknown>>) => Object.entries(p).map(([k, v]) => `${k}=${String(v)}`).join(", ");
  const lines = [
    `room ${view.id}: ${view.status}${view.reason ? ` (${view.reason})` : ""} — ${view.protocol}, scenario ${view.scenario.id} v${view.scenario.version}, round ${view.round}/${view.rounds}, seq ${view.seq}`,
    `you: ${role}${party ? ` ${party}` : ""}`,
    `seats: ${view.seats.map((s) => `${s.party} (${s.kind}${s.excluded ? ", excluded" : ""}${s.joined ? "" : ", not joined"}${s.preferencesSubmitted ? "" : ", no preferences"})`).join("; ")}`,
  ];
  if (view.turn.parties.length > 0 || view.turn.mediator) lines.push(`waiting for: ${[...view.turn.parties, ...(view.turn.mediator ? ["the mediator"] : [])].join(", ")}`);
  if (view.deadlineAt) lines.push(`deadline: ${view.deadlineAt}`);
  if (view.draft) lines.push(`draft ${view.draft.number} (by ${view.draft.by}): ${pkg(view.draft.package)}`);
  if (view.offer) lines.push(`offer by ${view.offer.party}: ${pkg(view.offer.package)}`);
  if (view.ratification) lines.push(`ratification: ${pkg(view.ratification.package)} (voted: ${view.ratification.voted.join(", ") || "nobody yet"})`);
  if (view.improvement) lines.push(`improvement on the table: ${pkg(view.improvement.package)}`);
  if (view.final) lines.push(`final: ${pkg(view.final)}`);
  else if (view.agreement) lines.push(`agreement: ${pkg(view.agreement)}`);
  const u = view.you?.utility;
  if (u && u.final !== undefined) lines.push(`your utility: ${u.final.toFixed(4)} (reservation ${u.reservation?.toFixed(4) ?? "?"})`);
  return lines;
}

export async function roomStatusCommand(room: string, flags: RoomTokenFlags, io: CliIo): Promise<void> {
  const server = serverOf(flags);
  const client = new RoomClient({ server, room, token: tokenOf(flags) });
  const got = await cli(server, () => client.view());
  if (flags.json) return io.stdout(`${JSON.stringify(got, null, 2)}\n`);
  io.stdout(`${statusLines(got.view, got.role, got.party).join("\n")}\n`);
}

const OVER = new Set(["settled", "failed", "closed"]);
/** Events after which the room may be over (checked against the view: an improvement may follow an agreement). */
const MAYBE_OVER = new Set(["agreement", "no-agreement", "improvement-decided", "room-closed"]);

function eventLine(e: RoomEvent): string {
  const who = e.actor.role === "seat" ? e.actor.party : e.actor.role;
  const pub = JSON.stringify(e.public);
  return `${String(e.seq).padStart(5)}  ${e.at}  ${e.type.padEnd(22)} ${who.padEnd(12)} ${pub.length > 200 ? `${pub.slice(0, 197)}...` : pub}${e.private ? `  private: ${JSON.stringify(e.private.body)}` : ""}`;
}

export async function roomWatchCommand(room: string, flags: RoomWatchFlags, io: CliIo): Promise<void> {
  const server = serverOf(flags);
  const client = new RoomClient({ server, room, token: tokenOf(flags), WebSocket: WS });
  const first = await cli(server, () => client.view());
  if (!flags.json) io.stdout(`${statusLines(first.view, first.role, first.party)[0]}\n`);
  const stream = client.stream({ after: flags.after ?? 0 });
  const onSignal = () => stream.close();
  process.once("SIGINT", onSignal);
  try {
    await cli(server, async () => {
      // A room already over: print what is stored and stop.
      if (OVER.has(first.view.status) && (flags.after ?? 0) >= first.view.seq) return stream.close();
      for await (const e of stream) {
        io.stdout(flags.json ? `${JSON.stringify(e)}\n` : `${eventLine(e)}\n`);
        if (MAYBE_OVER.has(e.type) || e.seq >= first.view.seq) {
          const now = await client.view();
          if (OVER.has(now.view.status) && e.seq >= now.view.seq) stream.close();
        }
      }
    });
  } finally {
    process.off("SIGINT", onSignal);
  }
}

export async function roomExportCommand(room: string, flags: RoomExportFlags, io: CliIo): Promise<void> {
  const server = serverOf(flags);
  const client = new RoomClient({ server, room, token: tokenOf(flags) });
  const log = await cli(server, () => client.exportLog());
  const out = path.resolve(io.cwd, flags.out);
  await writeFile(out, `${JSON.stringify(log, null, 2)}\n`);
  const entries = (log as { entries?: unknown[] }).entries?.length ?? 0;
  io.stdout(`wrote ${flags.out}: ${entries} entries (check it with: parley audit verify ${flags.out})\n`);
}

/** http://HOST:PORT/api/rooms/ID (or …/rooms/ID) → the server and the room id. */
function roomUrl(url: string): { server: string; room: string } {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new UserError(`${url}: not a room URL (expected http://HOST:PORT/api/rooms/ROOM, as parley room create prints it)`);
  }
  const m = /^(.*?)\/(?:api\/)?rooms\/([^/]+)\/?$/.exec(u.pathname);
  if (!m || (u.protocol !== "http:" && u.protocol !== "https:")) throw new UserError(`${url}: not a room URL (expected http://HOST:PORT/api/rooms/ROOM, as parley room create prints it)`);
  return { server: `${u.origin}${m[1]}`, room: decodeURIComponent(m[2]!) };
}

/** The preferences to submit: a file (YAML/JSON party-preferences object), else the scenario's model of the party. */
async function preferencesFor(client: RoomClient, flags: RoomPlayFlags, io: CliIo): Promise<Record<string, unknown>> {
  if (flags.preferences) {
    const file = path.resolve(io.cwd, flags.preferences);
    let text: string;
    try {
      text = await readFile(file, "utf8");
    } catch {
      throw new UserError(`${flags.preferences}: cannot read the file`);
    }
    let value: unknown;
    try {
      value = parseYaml(text);
    } catch (e) {
      throw new UserError(`${flags.preferences}: not YAML or JSON (${(e as Error).message.split("\n")[0]})`);
    }
    if (!value || typeof value !== "object" || Array.isArray(value)) throw new UserError(`${flags.preferences}: expected a party-preferences object (weights and values, or a utility; reservation; red lines)`);
    return value as Record<string, unknown>;
  }
  const got = await client.view();
  const version = await client.scenario(got.view.scenario.id, got.view.scenario.version);
  const file = parseYaml(version.yaml) as { parties?: { id?: string; preferences?: Record<string, unknown> }[] };
  const prefs = file.parties?.find((p) => p.id === got.party)?.preferences;
  if (!prefs) throw new UserError(`the scenario models no preferences for ${got.party}: pass --preferences FILE`);
  return prefs;
}

export async function roomPlayCommand(url: string, flags: RoomPlayFlags, io: CliIo): Promise<void> {
  const { server, room } = roomUrl(url);
  const factory = negotiatorFromSpec(flags.agent);
  const client = new RoomClient({ server, WebSocket: WS });
  const say = (t: string) => !flags.quiet && !flags.json && io.stderr(`${t}\n`);
  const result = await cli(server, async () => {
    const joined = await client.join(room, flags.invite);
    if (joined.role !== "seat") throw new UserError(`this invite is for the ${joined.role}, not a seat: room play plays a seat`);
    say(`joined room ${room} as ${joined.party}, playing ${flags.agent}`);
    // From here on a restarting server is waited for (a minute), as playSeat does.
    const got = await retryTransient(() => client.view());
    const submitted = got.view.seats.find((s) => s.party === joined.party)?.preferencesSubmitted;
    const preferences = submitted ? undefined : await retryTransient(() => preferencesFor(client, flags, io));
    return playSeat(client, factory, {
      ...(preferences ? { preferences } : {}),
      ...(flags.seed !== undefined ? { seed: flags.seed } : {}),
      onAction: (a) => say(`→ ${a.type}${"response" in a ? ` ${a.response}` : ""}${"vote" in a ? ` ${a.vote}` : ""}${"overall" in a ? ` ${a.overall}` : ""}`),
    });
  });
  if (flags.json) return io.stdout(`${JSON.stringify({ room, ...result }, null, 2)}\n`);
  const pkg = result.final ? Object.entries(result.final).map(([k, v]) => `${k}=${String(v)}`).join(", ") : null;
  io.stdout(
    `${[
      `room ${room}: ${result.status}${result.reason ? ` (${result.reason})` : ""} after ${result.seq} events; ${result.party} sent ${result.actions} commands`,
      ...(pkg ? [`final: ${pkg}`] : []),
      `utility of ${result.party}: ${result.utility === null ? "none (no agreement)" : result.utility.toFixed(4)}, reservation ${result.reservation?.toFixed(4) ?? "?"}`,
    ].join("\n")}\n`,
  );
}
