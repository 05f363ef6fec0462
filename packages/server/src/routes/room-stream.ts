// WebSocket /api/rooms/{id}/stream?after=N (docs/rooms.md, "Stream messages"; AsyncAPI at
// /docs/asyncapi.json). The server sends `hello` (the view and the last seq), then every event after
// N the caller may see, then the live ones — no gap, no duplicate — and a `ping` every heartbeat; the
// client answers `pong` and may send `action`s (answered by `ack` or `error`). A connection that
// misses a pong, or whose unsent data grows past the bound (4008 "slow consumer"), is closed: the
// client reconnects with the last seq it has.
import type { FastifyRequest } from "fastify";
import type { WebSocket } from "ws";
import { clientMessageSchema, roomErrorResponses, roomIdParams, roomStreamQuery, type ServerMessage } from "../api/rooms.js";
import type { ParleyApp, ServerContext } from "../context.js";
import { toErrorReply } from "../errors.js";
import { actorOf, roomCaller, type RoomCaller } from "../rooms/auth.js";
import { commandOf } from "./rooms.js";

/** Close codes of the room stream. */
export const streamClose = {
  /** The server is shutting down. */
  goingAway: 1001,
  /** The room could not be read (a bug): reconnect later. */
  internal: 1011,
  /** The client did not answer the last ping. */
  noPong: 4000,
  /** The connection's unsent data passed the bound. */
  slowConsumer: 4008,
} as const;

export function roomStreamRoutes(app: ParleyApp, ctx: ServerContext): void {
  const callers = new WeakMap<FastifyRequest, RoomCaller>();
  const open = new Set<WebSocket>();
  app.addHook("preClose", async () => {
    for (const socket of open) socket.close(streamClose.goingAway, "server shutting down");
  });

  app.get(
    "/rooms/:id/stream",
    {
      websocket: true,
      schema: {
        tags: ["rooms"],
        summary: "The room's live stream (WebSocket; messages in the AsyncAPI document at /docs/asyncapi.json)",
        params: roomIdParams,
        querystring: roomStreamQuery,
        response: roomErrorResponses,
      },
      // Before the upgrade: an unknown room is 404, a missing or bad token 401 (as plain HTTP).
      preValidation: async (request) => {
        const { id } = request.params as { id: string };
        const token = (request.query as { token?: string }).token;
        callers.set(request, await roomCaller(ctx, id, request.headers, typeof token === "string" ? token : undefined));
      },
    },
    (socket, request) => {
      const who = callers.get(request)!;
      const id = request.params.id;
      const after = request.query.after;
      let closed = false;
      let detach: (() => void) | undefined;
      let awaitingPong = false;
      open.add(socket);

      const close = (code: number, reason: string) => {
        if (closed) return;
        closed = true;
        socket.close(code, reason);
      };
      const send = (message: ServerMessage) => {
        if (closed) return;
        if (socket.bufferedAmount > ctx.limits.streamBufferBytes) return close(streamClose.slowConsumer, "slow consumer");
        socket.send(JSON.stringify(message));
      };
      const fail = (error: unknown, requestId?: string) => {
        const { body, internal } = toErrorReply(error, ctx.limits);
        if (internal !== undefined) request.log.error({ err: internal }, "room stream error");
        send({ type: "error", ...(requestId !== undefined ? { id: requestId } : {}), code: body.code, message: body.message });
      };

      const heartbeat = setInterval(() => {
        if (awaitingPong) {
          closed = true;
          socket.terminate();
          return;
        }
        awaitingPong = true;
        send({ type: "ping", t: ctx.now() });
      }, ctx.limits.heartbeatMs);

      socket.on("close", () => {
        closed = true;
        clearInterval(heartbeat);
        open.delete(socket);
        detach?.();
      });

      socket.on("message", (data, isBinary) => {
        let parsed: unknown;
        try {
          parsed = JSON.parse(isBinary ? "" : String(data));
        } catch {
          return send({ type: "error", code: "PARLEY_HTTP_BAD_JSON", message: "a stream message is one JSON object, as text" });
        }
        const checked = clientMessageSchema.safeParse(parsed);
        if (!checked.success) {
          const first = checked.error.issues[0];
          const requestId = typeof (parsed as { id?: unknown })?.id === "string" ? (parsed as { id: string }).id : undefined;
          return send({
            type: "error",
            ...(requestId !== undefined ? { id: requestId } : {}),
            code: "PARLEY_HTTP_VALIDATION",
            message: `the message does not match the stream's schema: ${first ? `${first.path.join(".") || "(message)"}: ${first.message}` : "invalid"}`,
          });
        }
        const message = checked.data;
        if (message.type === "pong") {
          awaitingPong = false;
          return;
        }
        try {
          const actor = actorOf(who, "act in a room");
          const command = commandOf(message.command, who);
          ctx.rooms.command(id, actor, command).then(
            (result) => send({ type: "ack", id: message.id, seq: result.seq }),
            (error: unknown) => fail(error, message.id),
          );
        } catch (error) {
          fail(error, message.id);
        }
      });

      ctx.rooms
        .subscribe(id, { viewer: who.viewer, event: (event) => send({ type: "event", event: event as never }) }, after, (seq, view) =>
          send({ type: "hello", seq, role: who.role, view: view as { status: string } }),
        )
        .then(
          (unsubscribe) => {
            if (closed) unsubscribe();
            else detach = unsubscribe;
          },
          (error: unknown) => {
            fail(error);
            close(streamClose.internal, "the room could not be read");
          },
        );
    },
  );
}
