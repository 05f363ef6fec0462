// The rooms' contract (docs/rooms.md): zod schemas of every room request, response and stream
// message. The REST routes validate and document with them (OpenAPI at /docs), and the AsyncAPI
// document of the stream (/docs/asyncapi.json) is generated from the same schemas.
import { z } from "zod";
import { errorSchema, wholeNumber } from "./contract.js";

const id = z.string().min(1).max(200);
const party = z.string().min(1).max(200);
const value = z.union([z.string(), z.number()]);
/** A complete package: issue id → value. */
export const roomPackageSchema = z.record(z.string(), value).describe("a package: issue id → value (every issue of the scenario)").meta({ id: "RoomPackage" });
const protocol = z.enum(["single-text", "sao", "stacked", "shuttle"]);
export const roomRoleSchema = z.enum(["convener", "seat", "mediator", "observer"]).describe("what a token lets its holder do and see (docs/rooms.md, Authorisation matrix)");

export const roomIdParams = z.object({ id });

export const roomCreateSchema = z
  .strictObject({
    scenario: id.describe("a scenario id of this server"),
    version: z.number().int().positive().optional().describe("default: the current version"),
    protocol: protocol.default("single-text"),
    seats: z
      .record(party, z.string().min(1).max(200))
      .describe('party id → "human" (a person holding the seat\'s invite) or an agent spec the server runs, e.g. "boulware(e=0.2)"; in seat order'),
    mediator: z.enum(["human", "engine"]).optional().describe("single text and shuttle: a person holding the mediator invite, or the engine (default)"),
    deadline: z
      .strictObject({
        rounds: z.number().int().positive().optional().describe("rounds as the protocol counts them (default 100, capped by the server's limit)"),
        seconds: z.number().int().positive().optional().describe("wall-clock seconds from the start"),
      })
      .optional(),
    excluded: z.array(party).max(32).optional().describe("seats excluded from the table that must ratify (shuttle)"),
    disclosure: z.enum(["aggregates", "none"]).optional().describe("what a human mediator learns of the seats' private ratings (default aggregates)"),
    opening: z.string().min(1).max(200).optional().describe("single text / shuttle: open from this framework of the scenario"),
    seed: z.number().int().min(0).max(0xffffffff).optional().describe("seeds the engine and the agents (default: random, recorded in the room)"),
  })
  .meta({ id: "RoomCreate" });

export const roomCreatedSchema = z
  .object({
    id: z.string(),
    conveneToken: z.string().describe("the convener's session token (Bearer)"),
    invites: z.record(z.string(), z.string()).describe('party id (human seats) or "mediator" → a one-time invite token'),
  })
  .meta({ id: "RoomCreated" });

export const roomJoinSchema = z.strictObject({ invite: z.string().min(1).max(200) });
export const roomJoinedSchema = z
  .object({ token: z.string().describe("the session token (Bearer; also set as an httpOnly cookie)"), role: roomRoleSchema, party: z.string().optional() })
  .meta({ id: "RoomJoined" });

export const roomInviteRequestSchema = z
  .strictObject({
    role: z
      .enum(["observer", "convener", "mediator", "seat"])
      .describe("observer: sees what is public; convener: a link for the convener's own browser; mediator (a room with a human mediator) or seat: a new invite for a seat that has not joined"),
    party: party.optional().describe("role seat: the human seat's party"),
  })
  .meta({ id: "RoomInviteRequest" });
export const roomInviteSchema = z.object({ invite: z.string(), role: roomRoleSchema.optional(), party: z.string().optional() });

/** The native format's party-preferences object (weights and values, or a utility; reservation, red lines). */
export const roomPreferencesSchema = z
  .record(z.string(), z.unknown())
  .describe("the native scenario format's party-preferences object (as under parties[i].preferences): checked with the same schema and messages")
  .meta({ id: "RoomPreferences" });

const actor = z
  .union([
    z.object({ role: z.literal("seat"), party: z.string() }),
    z.object({ role: z.literal("mediator") }),
    z.object({ role: z.literal("convener") }),
    z.object({ role: z.literal("engine") }),
  ])
  .meta({ id: "RoomActor" });
const audience = z.union([z.object({ party: z.string() }), z.object({ mediator: z.literal(true) })]);

/** A room event as the caller may see it: the private part only for its audience (core visibleEvent). */
export const roomEventSchema = z
  .object({
    seq: z.number().int().describe("1-based, contiguous per room"),
    at: z.string(),
    type: z.string().describe("room-created, seat-joined, draft-published, … (docs/rooms.md)"),
    actor,
    public: z.record(z.string(), z.unknown()).describe("what every role sees"),
    private: z.object({ audience: z.array(audience).readonly(), body: z.unknown() }).optional().describe("only for its audience"),
    commitment: z.string().optional().describe("hex commitment to the private part, as in the audit log"),
  })
  .meta({ id: "RoomEvent" });

/** What GET /api/rooms/{id} returns: the core roomView for the caller's role. */
export const roomViewSchema = z
  .looseObject({ status: z.string().describe("open, running, ratifying, improving, settled, failed, closed") })
  .describe("the room as the caller may see it (core roomView): never another seat's private data")
  .meta({ id: "RoomView" });

export const roomGetSchema = z
  .object({ id: z.string(), role: roomRoleSchema, party: z.string().optional(), seq: z.number().int().describe("the last event's seq"), view: roomViewSchema })
  .meta({ id: "Room" });

const points = z.record(z.string(), z.object({ rating: z.enum(["acceptable", "needs-change", "unacceptable"]), comment: z.string().max(2000).optional() }));

/** A command, as a client sends it: the acting seat comes from the token. */
export const roomActionSchema = z
  .discriminatedUnion("type", [
    z.strictObject({ type: z.literal("start") }),
    z.strictObject({ type: z.literal("publish-draft"), package: roomPackageSchema }),
    z.strictObject({ type: z.literal("call-ratification") }),
    z.strictObject({
      type: z.literal("rate"),
      draft: z.number().int().positive().optional().describe("the draft rated: refused when it is no longer open (instead of applied to the next)"),
      points,
      overall: z.enum(["accept", "reject"]),
      comment: z.string().max(2000).optional(),
    }),
    z.strictObject({ type: z.literal("offer"), package: roomPackageSchema }),
    z.strictObject({ type: z.literal("respond"), response: z.enum(["accept", "reject", "end"]) }),
    z.strictObject({ type: z.literal("ratify"), vote: z.enum(["accept", "reject"]) }),
    z.strictObject({ type: z.literal("message"), to: party.describe('"mediator" or a party id'), text: z.string().max(10_000), package: roomPackageSchema.optional() }),
    z.strictObject({ type: z.literal("improvement-vote"), vote: z.enum(["accept", "keep"]) }),
    z.strictObject({ type: z.literal("close"), reason: z.string().max(500).optional() }),
  ])
  .meta({ id: "RoomAction" });

export const roomActedSchema = z
  .object({ seq: z.number().int().describe("the room's last seq after the command"), events: z.array(roomEventSchema).describe("the events the command made, as the caller sees them") })
  .meta({ id: "RoomActed" });

export const roomEventsQuery = z.strictObject({
  after: wholeNumber(0, Number.MAX_SAFE_INTEGER).default(0).describe("only events with seq > after"),
  limit: wholeNumber(1, 1000).default(200).describe("read at most this many events (1–1000)"),
});
export const roomEventsSchema = z
  .object({
    events: z.array(roomEventSchema).describe("visible events, in seq order"),
    next: z.number().int().describe("the seq to pass as `after` for the next page"),
    latest: z.number().int().describe("the room's last seq"),
  })
  .meta({ id: "RoomEvents" });

export const roomStreamQuery = z.strictObject({
  after: wholeNumber(0, Number.MAX_SAFE_INTEGER).default(0).describe("replay the events after this seq, then live"),
  token: z.string().min(1).max(200).optional().describe("the session token, when the client can set neither a header nor a cookie"),
});

// ── engine suggestions (the human mediator) ──────────────────────────────────

const suggestionSchema = z
  .object({
    package: roomPackageSchema,
    seats: z
      .object({
        atOrAboveWalkAway: z.number().int().describe("seats whose utility of the package is at or above their walk-away (reservation value)"),
        crossingRedLines: z.number().int().describe("seats one of whose red lines the package crosses"),
        of: z.number().int().describe("the number of seats"),
      })
      .optional()
      .describe('disclosure "aggregates" only: counts over the seats, never which seat, never a utility'),
  })
  .meta({ id: "RoomSuggestion" });

export const roomSuggestionsSchema = z
  .object({
    seq: z.number().int().describe("the room's last seq when computed"),
    nextText: suggestionSchema
      .nullable()
      .optional()
      .describe("single text while running: the engine mediator's next draft from the current text (null: it would call the ratification)"),
    nash: suggestionSchema.nullable().describe("the Nash bargaining package over the seats' rational Pareto frontier (null: none is rational for every seat)"),
    kalaiSmorodinsky: suggestionSchema.nullable().describe("the Kalai–Smorodinsky package over the same frontier"),
    improvement: suggestionSchema.nullable().optional().describe("after an agreement: a package every seat strictly prefers to the settled one (null: none)"),
    notes: z.array(z.string()).describe("why a suggestion is missing"),
  })
  .describe("packages the engine computes from every seat's private preferences (docs/rooms.md, Engine suggestions)")
  .meta({ id: "RoomSuggestions" });

// ── audit ──────────────────────────────────────────────────────────────────

export const treeHeadSchema = z
  .object({ logId: z.string(), treeSize: z.number().int(), rootHash: z.string(), timestamp: z.number().int().describe("ms since 1970, UTC"), signature: z.string() })
  .meta({ id: "SignedTreeHead" });
export const serverKeySchema = z.object({ algorithm: z.literal("ed25519"), publicKey: z.string().describe("hex") }).meta({ id: "ServerKey" });
export const inclusionQuery = z.strictObject({
  index: wholeNumber(0, Number.MAX_SAFE_INTEGER).describe("the entry (entry i is the event of seq i + 1)"),
  size: wholeNumber(1, Number.MAX_SAFE_INTEGER).optional().describe("the tree size (default: the latest head's)"),
});
export const inclusionSchema = z.object({
  index: z.number().int(),
  treeSize: z.number().int(),
  entry: z.string().describe("the entry's canonical JSON"),
  leafHash: z.string(),
  proof: z.array(z.string()).describe("hex hashes, leaf to root (RFC 9162 §2.1.3)"),
  head: treeHeadSchema.nullable().describe("the signed head of this size, when one was signed"),
});
export const consistencyQuery = z.strictObject({
  from: wholeNumber(0, Number.MAX_SAFE_INTEGER),
  to: wholeNumber(0, Number.MAX_SAFE_INTEGER).optional().describe("default: the latest head's size"),
});
export const consistencySchema = z.object({ from: z.number().int(), to: z.number().int(), proof: z.array(z.string()).describe("hex hashes (RFC 9162 §2.1.4)") });
export const auditExportSchema = z
  .looseObject({
    format: z.literal("parley-audit-log"),
    version: z.number().int(),
    logId: z.string(),
    publicKey: z.string(),
    entries: z.array(z.object({ index: z.number().int(), leafHash: z.string(), json: z.string() })).readonly(),
    treeHeads: z.array(treeHeadSchema.extend({ consistency: z.array(z.string()).readonly() })).readonly(),
  })
  .describe("the public audit log (docs/audit-log.md, version 1): check it with `parley audit verify FILE`")
  .meta({ id: "AuditExport" });
export const openingsSchema = z
  .array(z.object({ entry: z.number().int(), seq: z.number().int(), type: z.string(), salt: z.string(), payload: z.unknown() }))
  .describe("the caller's own private submissions with their salts: save one as a file for `parley audit verify LOG --opening FILE`")
  .meta({ id: "RoomOpenings" });

// ── the stream (WebSocket /api/rooms/{id}/stream) ──────────────────────────

export const helloMessageSchema = z
  .object({ type: z.literal("hello"), seq: z.number().int().describe("the room's last seq when the connection opened"), role: roomRoleSchema, view: roomViewSchema })
  .meta({ id: "HelloMessage" });
export const eventMessageSchema = z.object({ type: z.literal("event"), event: roomEventSchema }).meta({ id: "EventMessage" });
export const pingMessageSchema = z.object({ type: z.literal("ping"), t: z.number().int() }).meta({ id: "PingMessage" });
export const ackMessageSchema = z.object({ type: z.literal("ack"), id: z.string(), seq: z.number().int() }).meta({ id: "AckMessage" });
export const errorMessageSchema = z
  .object({ type: z.literal("error"), id: z.string().optional(), code: z.string(), message: z.string() })
  .meta({ id: "ErrorMessage" });
export const serverMessageSchema = z
  .discriminatedUnion("type", [helloMessageSchema, eventMessageSchema, pingMessageSchema, ackMessageSchema, errorMessageSchema])
  .meta({ id: "ServerMessage" });

export const pongMessageSchema = z.strictObject({ type: z.literal("pong"), t: z.number().int() }).meta({ id: "PongMessage" });
export const actionMessageSchema = z
  .strictObject({ type: z.literal("action"), id: z.string().min(1).max(100).describe("echoed in the ack or error"), command: roomActionSchema })
  .meta({ id: "ActionMessage" });
export const clientMessageSchema = z.discriminatedUnion("type", [pongMessageSchema, actionMessageSchema]).meta({ id: "ClientMessage" });

/** The errors of room routes: the usual ones, and 401 (no or bad token) and 410 (an expired invite). */
export const roomErrorResponses = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema, 410: errorSchema, 413: errorSchema, 421: errorSchema, 422: errorSchema, 429: errorSchema, 500: errorSchema, 503: errorSchema } as const;

export type RoomCreate = z.input<typeof roomCreateSchema>;
export type RoomCreated = z.infer<typeof roomCreatedSchema>;
export type RoomJoined = z.infer<typeof roomJoinedSchema>;
export type RoomAction = z.infer<typeof roomActionSchema>;
export type RoomEventJson = z.infer<typeof roomEventSchema>;
export type RoomEvents = z.infer<typeof roomEventsSchema>;
export type RoomGet = z.infer<typeof roomGetSchema>;
export type ServerMessage = z.infer<typeof serverMessageSchema>;
export type RoomSuggestionsJson = z.infer<typeof roomSuggestionsSchema>;
export type RoomInviteRequest = z.input<typeof roomInviteRequestSchema>;
export type RoomInvite = z.infer<typeof roomInviteSchema>;
export type ClientMessage = z.infer<typeof clientMessageSchema>;
