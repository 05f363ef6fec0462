// The AsyncAPI 3.0 document of the room stream, generated from the same zod schemas the server
// validates and sends with (src/api/rooms.ts): served at GET /docs/asyncapi.json, beside the
// OpenAPI document at /docs/json, so an agent in any language can take a seat.
import { z } from "zod";
import {
  ackMessageSchema,
  actionMessageSchema,
  errorMessageSchema,
  eventMessageSchema,
  helloMessageSchema,
  pingMessageSchema,
  pongMessageSchema,
} from "./rooms.js";

const serverMessages = {
  hello: { schema: helloMessageSchema, summary: "First message: the room as this connection's role may see it, and the last seq" },
  event: { schema: eventMessageSchema, summary: "One event the role may see (seq order; after `after`, then live: no gap, no duplicate)" },
  ping: { schema: pingMessageSchema, summary: "Heartbeat: answer with a pong carrying the same t, or the connection is closed" },
  ack: { schema: ackMessageSchema, summary: "An action was applied: the room's last seq after it" },
  error: { schema: errorMessageSchema, summary: "An action (id) or a message was refused: the same codes as the REST API" },
} as const;
const clientMessages = {
  pong: { schema: pongMessageSchema, summary: "Answer to a ping" },
  action: { schema: actionMessageSchema, summary: "A command, as POST /api/rooms/{id}/actions takes it; answered by ack or error with the same id" },
} as const;

function messages(list: Record<string, { schema: z.ZodType; summary: string }>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(list).map(([name, { schema, summary }]) => [
      name,
      { name, title: name, summary, contentType: "application/json", payload: z.toJSONSchema(schema, { target: "draft-2020-12", unrepresentable: "any", io: "input" }) },
    ]),
  );
}

/** The AsyncAPI 3.0 document of the room stream. */
export function roomStreamAsyncApi(version: string): Record<string, unknown> {
  const refs = (names: readonly string[], prefix: string) => names.map((n) => ({ $ref: `#/channels/roomStream/messages/${prefix}${n}` }));
  const all = { ...prefixed("server.", messages(serverMessages)), ...prefixed("client.", messages(clientMessages)) };
  return {
    asyncapi: "3.0.0",
    info: {
      title: "Parley room stream",
      version,
      description:
        "The WebSocket of a live negotiation room (docs/rooms.md). Connect with the session token (Authorization: Bearer, the room cookie, or ?token=) and ?after=N, the last seq you have: you get `hello`, every event after N you may see, then the live ones. Close codes: 4000 no pong, 4008 slow consumer (reconnect with your last seq), 1001 server going away.",
    },
    servers: { local: { host: "127.0.0.1:4600", protocol: "ws", description: "parley serve (PARLEY_PORT)" } },
    channels: {
      roomStream: {
        address: "/api/rooms/{id}/stream",
        parameters: { id: { description: "the room id" } },
        messages: all,
      },
    },
    operations: {
      receive: { action: "receive", channel: { $ref: "#/channels/roomStream" }, summary: "What the server sends", messages: refs(Object.keys(serverMessages), "server.") },
      send: { action: "send", channel: { $ref: "#/channels/roomStream" }, summary: "What a client may send", messages: refs(Object.keys(clientMessages), "client.") },
    },
  };
}

function prefixed(prefix: string, record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [`${prefix}${k}`, v]));
}
