// /api/rooms: live negotiation rooms (docs/rooms.md). Create, join, preferences, actions, the view,
// the events, the audit log (export, head, proofs, a seat's openings). The stream is room-stream.ts.
import { randomBytes, randomInt } from "node:crypto";
import { RoomRuleError, visibleEvent, type RoomCommand, type RoomEvent, type RoomSeatSpec, type RoomSpec, type RoomViewer } from "@parley/core";
import type { parsePartyPreferences } from "@parley/formats";
import {
  auditExportSchema,
  consistencyQuery,
  consistencySchema,
  inclusionQuery,
  inclusionSchema,
  openingsSchema,
  roomActedSchema,
  roomActionSchema,
  roomCreatedSchema,
  roomCreateSchema,
  roomErrorResponses,
  roomEventsQuery,
  roomEventsSchema,
  roomGetSchema,
  roomIdParams,
  roomInviteRequestSchema,
  roomInviteSchema,
  roomJoinedSchema,
  roomJoinSchema,
  roomPreferencesSchema,
  roomSuggestionsSchema,
  serverKeySchema,
  treeHeadSchema,
  type RoomAction,
} from "../api/rooms.js";
import { findVersion, sendJsonText, type ParleyApp, type ServerContext } from "../context.js";
import { HttpError, httpError } from "../errors.js";
import { sourceOf } from "../workers/tasks.js";
import { computeAnalysis } from "./analyses.js";
import { actorOf, requireRole, roomCaller, type RoomCaller } from "../rooms/auth.js";
import { newToken, sessionCookie, tokenHash } from "../rooms/tokens.js";
import { RoomTokenRefused, type NewToken } from "../store/room-store.js";

const tags = ["rooms"];
const auditTags = ["audit"];

const iso = (ms: number): string => new Date(ms).toISOString();

/** Events as a viewer may see them (hidden ones left out). */
export function visibleEvents(events: readonly RoomEvent[], viewer: RoomViewer): RoomEvent[] {
  const out: RoomEvent[] = [];
  for (const e of events) {
    const v = visibleEvent(e, viewer);
    if (v) out.push(v);
  }
  return out;
}

/** The command a caller's action means: seats act as their own party. */
export function commandOf(action: RoomAction, caller: RoomCaller): RoomCommand {
  switch (action.type) {
    case "rate":
    case "offer":
    case "respond":
    case "ratify":
    case "improvement-vote":
      if (caller.role !== "seat") throw httpError("PARLEY_HTTP_ROLE_FORBIDDEN", `only a seat may ${action.type === "improvement-vote" ? "vote on an improvement" : action.type}; this token is a ${caller.role}'s`);
      return { ...action, party: caller.party ?? "" } as RoomCommand;
    default:
      return action as RoomCommand;
  }
}

const refusal = (reason: RoomTokenRefused["reason"]): HttpError =>
  reason === "used"
    ? httpError("PARLEY_HTTP_INVITE_USED")
    : reason === "expired"
      ? httpError("PARLEY_HTTP_INVITE_EXPIRED")
      : httpError("PARLEY_HTTP_BAD_TOKEN", "the invite is not one of this room's");

/** Suggestions computed lately, by room and seq: they change only with the room (a large space takes seconds). */
const SUGGESTIONS_KEPT = 64;

export function roomRoutes(app: ParleyApp, ctx: ServerContext): void {
  const suggestionCache = new Map<string, Promise<string>>();
  const caller = (request: { params: { id: string }; headers: { authorization?: string | undefined; cookie?: string | undefined } }) =>
    roomCaller(ctx, request.params.id, request.headers);

  app.post(
    "/rooms",
    {
      schema: {
        tags,
        summary: "Create a room from a scenario version: one seat per party (a person or an agent the server runs), a mediator, a deadline",
        description:
          "Returns the convener's session token and one one-time invite per human seat (and the human mediator). Invites are exchanged with POST /api/rooms/{id}/join. Agent specs as in `parley simulate --agents`.",
        body: roomCreateSchema,
        response: { 201: roomCreatedSchema, ...roomErrorResponses },
      },
    },
    async (request, reply) => {
      const body = request.body;
      const source = await findVersion(ctx, body.scenario, body.version);
      const parties = new Set(source.scenario.parties.map((p) => p.id));
      for (const party of [...Object.keys(body.seats), ...(body.excluded ?? [])])
        if (!parties.has(party)) throw httpError("PARLEY_HTTP_BAD_REQUEST", `the scenario "${source.id}" has no party "${party}" (parties: ${[...parties].join(", ")})`);
      const excluded = new Set(body.excluded ?? []);
      for (const party of excluded) if (!(party in body.seats)) throw httpError("PARLEY_HTTP_BAD_REQUEST", `excluded party "${party}" has no seat`);
      const seats: RoomSeatSpec[] = Object.entries(body.seats).map(([party, who]) => ({
        party,
        kind: who === "human" ? "human" : "agent",
        ...(who === "human" ? {} : { agent: who }),
        ...(excluded.has(party) ? { excluded: true } : {}),
      }));
      const mediated = body.protocol === "single-text" || body.protocol === "shuttle";
      if (!mediated && body.mediator !== undefined) throw httpError("PARLEY_HTTP_BAD_REQUEST", `the ${body.protocol} protocol has no mediator; leave "mediator" out`);
      const now = ctx.now();
      const spec: RoomSpec = {
        id: `room-${randomBytes(9).toString("base64url")}`,
        scenario: { id: source.id, version: source.version },
        protocol: body.protocol,
        seats,
        mediator: mediated ? (body.mediator ?? "engine") : "none",
        disclosure: body.disclosure ?? "aggregates",
        deadline: { rounds: Math.min(body.deadline?.rounds ?? 100, ctx.limits.rounds), ...(body.deadline?.seconds !== undefined ? { seconds: body.deadline.seconds } : {}) },
        seed: body.seed ?? randomInt(0, 0xffffffff),
        ...(body.opening !== undefined ? { opening: body.opening } : {}),
        createdAt: iso(now),
      };
      const conveneToken = newToken();
      const invites: Record<string, string> = {};
      const tokens: NewToken[] = [{ hash: tokenHash(conveneToken), role: "convener", party: null, kind: "session", expiresAt: iso(now + ctx.limits.sessionMs) }];
      const invite = (key: string, role: NewToken["role"], party: string | null) => {
        const token = newToken();
        invites[key] = token;
        tokens.push({ hash: tokenHash(token), role, party, kind: "invite", expiresAt: iso(now + ctx.limits.inviteMs) });
      };
      for (const seat of seats) if (seat.kind === "human") invite(seat.party, "seat", seat.party);
      if (spec.mediator === "human") invite("mediator", "mediator", null);
      await ctx.rooms.create(spec, source.scenario, source, tokens);
      reply.code(201).header("location", `/api/rooms/${spec.id}`);
      return { id: spec.id, conveneToken, invites };
    },
  );

  app.post(
    "/rooms/:id/join",
    {
      schema: {
        tags,
        summary: "Exchange a one-time invite for a session (Bearer token and httpOnly cookie)",
        description: "A used invite is 409 PARLEY_HTTP_INVITE_USED, an expired one 410 PARLEY_HTTP_INVITE_EXPIRED, an unknown one 401 PARLEY_HTTP_BAD_TOKEN.",
        params: roomIdParams,
        body: roomJoinSchema,
        response: { 200: roomJoinedSchema, ...roomErrorResponses },
      },
    },
    async (request, reply) => {
      const id = request.params.id;
      await ctx.rooms.room(id);
      const hash = tokenHash(request.body.invite);
      const now = ctx.now();
      const problem = await ctx.roomStore.inviteProblem(id, hash, iso(now));
      if (problem) throw refusal(problem);
      const invite = (await ctx.roomStore.token(id, hash))!;
      const token = newToken();
      const extras = { redeem: { hash, now: iso(now) }, tokens: [{ hash: tokenHash(token), role: invite.role, party: invite.party, kind: "session" as const, expiresAt: iso(now + ctx.limits.sessionMs) }] };
      try {
        if (invite.role === "seat" && invite.party !== null) await ctx.rooms.command(id, { role: "seat", party: invite.party }, { type: "join", party: invite.party }, extras);
        else await ctx.roomStore.commit({ roomId: id, from: 0, events: [], entries: [], status: "", ...extras }, iso(now));
      } catch (error) {
        if (error instanceof RoomTokenRefused) throw refusal(error.reason);
        // Two joins with one invite at once: the second finds the seat joined; it is the invite's replay.
        const now2 = await ctx.roomStore.inviteProblem(id, hash, iso(ctx.now()));
        if (now2 === "used") throw refusal(now2);
        throw error;
      }
      reply.header("set-cookie", sessionCookie(id, token, Math.floor(ctx.limits.sessionMs / 1000)));
      return { token, role: invite.role, ...(invite.party !== null ? { party: invite.party } : {}) };
    },
  );

  app.post(
    "/rooms/:id/invites",
    {
      schema: {
        tags,
        summary: "The convener makes a one-time invite: an observer, its own browser's session, or a new invite for the human mediator or a seat that has not joined",
        description:
          "Exchanged with POST /api/rooms/{id}/join like the invites of the room's creation. A seat's new invite needs a human seat that has not joined (409 PARLEY_ROOM_NOT_NOW once it has); a mediator's, a room with a human mediator.",
        params: roomIdParams,
        body: roomInviteRequestSchema,
        response: { 201: roomInviteSchema, ...roomErrorResponses },
      },
    },
    async (request, reply) => {
      const who = await caller(request);
      requireRole(who, ["convener"], "make invites");
      const { role, party } = request.body;
      const room = await ctx.rooms.room(request.params.id);
      if (role !== "seat" && party !== undefined) throw httpError("PARLEY_HTTP_BAD_REQUEST", `an invite for the ${role} names no party`);
      if (role === "mediator" && room.spec.mediator !== "human") throw httpError("PARLEY_HTTP_BAD_REQUEST", "this room has no human mediator to invite");
      if (role === "seat") {
        const seat = room.state.seats.find((s) => s.party === party);
        if (party === undefined || !seat || seat.kind !== "human")
          throw httpError("PARLEY_HTTP_BAD_REQUEST", `a seat's invite names a human seat of the room (${room.state.seats.filter((s) => s.kind === "human").map((s) => s.party).join(", ") || "none"})`);
        if (seat.joined) throw new RoomRuleError("PARLEY_ROOM_NOT_NOW", `seat ${party} has already joined`);
      }
      const invite = newToken();
      const now = ctx.now();
      const tokenParty = role === "seat" ? party! : null;
      await ctx.roomStore.insertTokens(request.params.id, [{ hash: tokenHash(invite), role, party: tokenParty, kind: "invite", expiresAt: iso(now + ctx.limits.inviteMs) }], iso(now));
      return reply.code(201).send({ invite, role, ...(tokenParty !== null ? { party: tokenParty } : {}) });
    },
  );

  app.put(
    "/rooms/:id/preferences",
    {
      schema: {
        tags,
        summary: "A seat submits its own private preferences (the native format's party-preferences object)",
        description:
          "Checked like a scenario file's `parties[i].preferences` (same schema and messages); problems are 400 PARLEY_HTTP_INVALID_PREFERENCES with each field's path under `body`. Only the seat (and the engine) ever sees them; the audit log holds a salted commitment.",
        params: roomIdParams,
        body: roomPreferencesSchema,
        response: { 200: roomActedSchema, ...roomErrorResponses },
      },
    },
    async (request) => {
      const who = await caller(request);
      requireRole(who, ["seat"], "submit preferences");
      const party = who.party!;
      const source = await ctx.rooms.source(request.params.id);
      // Parsing the scenario text takes a while for a large scenario: on a worker thread, among the uploads.
      const leave = ctx.uploads.enter();
      let parsed: ReturnType<typeof parsePartyPreferences>;
      try {
        parsed = await ctx.pool.run({ kind: "preferences", yaml: source.yaml, party, preferences: request.body }, { what: "preferences check", timeoutMs: ctx.limits.uploadMs });
      } finally {
        leave();
      }
      if (!parsed.ok) {
        const issues = parsed.issues.map((i) => ({ code: i.code, path: ["body", ...i.path], message: i.message, severity: i.severity }));
        const first = issues.find((i) => i.severity === "error") ?? issues[0]!;
        throw new HttpError("PARLEY_HTTP_INVALID_PREFERENCES", [`${first.path.join(".")}: ${first.message}`], { issues });
      }
      const result = await ctx.rooms.command(request.params.id, actorOf(who, "submit preferences"), { type: "submit-preferences", party, preferences: parsed.value });
      return { seq: result.seq, events: visibleEvents(result.events, who.viewer) };
    },
  );

  app.post(
    "/rooms/:id/actions",
    {
      schema: {
        tags,
        summary: "Act in the room: publish a draft, rate it, offer, respond, ratify, message, vote on an improvement, close",
        description:
          "The engine checks the rules (whose turn, which role, a valid package, the deadline): a refused command is 4xx with a PARLEY_ROOM_* code. Seats act as their own party (from the token).",
        params: roomIdParams,
        body: roomActionSchema,
        response: { 200: roomActedSchema, ...roomErrorResponses },
      },
    },
    async (request) => {
      const who = await caller(request);
      const actor = actorOf(who, "act in a room");
      const result = await ctx.rooms.command(request.params.id, actor, commandOf(request.body, who));
      return { seq: result.seq, events: visibleEvents(result.events, who.viewer) };
    },
  );

  app.get(
    "/rooms/:id",
    {
      schema: {
        tags,
        summary: "The room as the caller may see it: status, seats, whose turn, the current text, the deadline; a seat also its own preferences, ratings and utilities",
        params: roomIdParams,
        response: { 200: roomGetSchema, ...roomErrorResponses },
      },
    },
    async (request) => {
      const who = await caller(request);
      const snapshot = await ctx.rooms.snapshot(request.params.id, who.viewer);
      return { id: request.params.id, role: who.role, ...(who.party !== undefined ? { party: who.party } : {}), seq: snapshot.seq, view: snapshot.view as { status: string } };
    },
  );

  app.get(
    "/rooms/:id/events",
    {
      schema: {
        tags,
        summary: "The room's events after a seq, as the caller may see them (private parts only for their audience)",
        params: roomIdParams,
        querystring: roomEventsQuery,
        response: { 200: roomEventsSchema, ...roomErrorResponses },
      },
    },
    async (request) => {
      const who = await caller(request);
      const { after, limit } = request.query;
      const { lastSeq } = await ctx.rooms.room(request.params.id);
      const rows = await ctx.roomStore.events(request.params.id, after, limit);
      return {
        events: visibleEvents(
          rows.map((r) => r.event),
          who.viewer,
        ),
        next: rows.at(-1)?.event.seq ?? after,
        latest: Math.max(lastSeq, rows.at(-1)?.event.seq ?? 0),
      };
    },
  );

  app.get(
    "/rooms/:id/suggestions",
    {
      config: ctx.heavy,
      schema: {
        tags,
        summary: "The human mediator's engine suggestions: the next single text, the Nash and Kalai–Smorodinsky packages, a post-settlement improvement",
        description:
          'Computed on a worker thread from every seat\'s private preferences, and handed out as packages only. Under disclosure "aggregates" each package also says how many seats it leaves at or above their walk-away and how many of them it takes across a red line; never which seat, never a utility. Mediator tokens only (403 for the other roles); 409 PARLEY_ROOM_NOT_NOW before the room has started.',
        params: roomIdParams,
        response: { 200: roomSuggestionsSchema, ...roomErrorResponses },
      },
    },
    async (request, reply) => {
      const who = await caller(request);
      requireRole(who, ["mediator"], "read the engine's suggestions");
      const id = request.params.id;
      const room = await ctx.rooms.room(id);
      const key = (seq: number) => `${id}\u0000${seq}`;
      let text = suggestionCache.get(key(room.lastSeq));
      if (!text) {
        const events = (await ctx.roomStore.events(id)).map((r) => r.event);
        const seq = events.at(-1)?.seq ?? 0;
        text = suggestionCache.get(key(seq));
        if (!text) {
          const computing = computeAnalysis(ctx, { kind: "room-suggestions", source: sourceOf(room.source), events, enumerationLimit: ctx.limits.enumeration });
          text = computing;
          suggestionCache.set(key(seq), computing);
          if (suggestionCache.size > SUGGESTIONS_KEPT) suggestionCache.delete(suggestionCache.keys().next().value!);
          computing.catch(() => suggestionCache.delete(key(seq)));
        }
      }
      return sendJsonText(reply, await text);
    },
  );

  // ── audit ──────────────────────────────────────────────────────────────

  app.get(
    "/audit/key",
    { schema: { tags: auditTags, summary: "The server's Ed25519 public key: every room's tree heads are signed with it", response: { 200: serverKeySchema, ...roomErrorResponses } } },
    async () => ({ algorithm: "ed25519" as const, publicKey: ctx.rooms.publicKey() }),
  );

  app.get(
    "/rooms/:id/export",
    {
      schema: {
        tags: auditTags,
        summary: "The room's public audit log with its signed heads and the key (check it offline: parley audit verify FILE)",
        params: roomIdParams,
        response: { 200: auditExportSchema, ...roomErrorResponses },
      },
    },
    async (request, reply) => {
      await caller(request);
      const text = JSON.stringify((await ctx.rooms.room(request.params.id)).log.toExport(), null, 2);
      return sendJsonText(reply.header("content-disposition", `attachment; filename="${request.params.id}.audit.json"`), text);
    },
  );

  app.get(
    "/rooms/:id/audit/head",
    { schema: { tags: auditTags, summary: "The latest signed tree head of the room's audit log", params: roomIdParams, response: { 200: treeHeadSchema, ...roomErrorResponses } } },
    async (request) => {
      await caller(request);
      return (await ctx.rooms.room(request.params.id)).log.heads.at(-1)!;
    },
  );

  app.get(
    "/rooms/:id/audit/inclusion",
    {
      schema: {
        tags: auditTags,
        summary: "The inclusion proof of one entry in the tree of a signed size (RFC 9162 §2.1.3)",
        params: roomIdParams,
        querystring: inclusionQuery,
        response: { 200: inclusionSchema, ...roomErrorResponses },
      },
    },
    async (request) => {
      await caller(request);
      const log = (await ctx.rooms.room(request.params.id)).log;
      const size = request.query.size ?? log.heads.at(-1)!.treeSize;
      const index = request.query.index;
      if (size > log.size) throw httpError("PARLEY_HTTP_BAD_REQUEST", `the log has ${log.size} entries, not ${size}`);
      if (index >= size) throw httpError("PARLEY_HTTP_BAD_REQUEST", `entry ${index} is not in the tree of ${size} entries (0 to ${size - 1})`);
      const entry = log.entries[index]!;
      const proof = log.inclusionProof(index, size);
      return { index, treeSize: size, entry: entry.json, leafHash: entry.leafHash, proof, head: log.heads.find((h) => h.treeSize === size) ?? null };
    },
  );

  app.get(
    "/rooms/:id/audit/consistency",
    {
      schema: {
        tags: auditTags,
        summary: "The consistency proof between two sizes of the room's audit log (RFC 9162 §2.1.4): the log only grew",
        params: roomIdParams,
        querystring: consistencyQuery,
        response: { 200: consistencySchema, ...roomErrorResponses },
      },
    },
    async (request) => {
      await caller(request);
      const log = (await ctx.rooms.room(request.params.id)).log;
      const to = request.query.to ?? log.heads.at(-1)!.treeSize;
      const from = request.query.from;
      if (to > log.size) throw httpError("PARLEY_HTTP_BAD_REQUEST", `the log has ${log.size} entries, not ${to}`);
      if (from > to) throw httpError("PARLEY_HTTP_BAD_REQUEST", `from (${from}) is larger than to (${to})`);
      return { from, to, proof: log.consistencyProof(from, to) };
    },
  );

  app.get(
    "/rooms/:id/openings",
    {
      schema: {
        tags: auditTags,
        summary: "A seat's own private submissions with their salts: each opens a commitment of the audit log (parley audit verify LOG --opening FILE)",
        params: roomIdParams,
        response: { 200: openingsSchema, ...roomErrorResponses },
      },
    },
    async (request) => {
      const who = await caller(request);
      requireRole(who, ["seat"], "read openings");
      const rows = await ctx.roomStore.events(request.params.id);
      return rows
        .filter(({ event: e, salt }) => salt !== undefined && e.private !== undefined && e.actor.role === "seat" && e.actor.party === who.party)
        .map(({ event: e, salt }) => ({ entry: e.seq - 1, seq: e.seq, type: e.type, salt: salt!, payload: e.private!.body as unknown }));
    },
  );
}
