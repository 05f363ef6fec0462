// WebSocket /api/rooms/{id}/stream?after=N (docs/rooms.md, "Stream messages"; AsyncAPI at
// /docs/asyncapi.json). The server sends `hello` (the view and the last seq), then every event after
// N the caller may see, then the live ones — no gap, no duplicate — and a `ping` every heartbeat; the
// client answers `pong` and may send `action`s (answered by `ack` or `error`). A connection that
// misses a pong, or whose unsent data grows past the bound (4008 "slow consumer"), is closed: the
// client reconnects with the last seq it has.
import type { FastifyRequest } from "fastify";
import type { WebSocket } from "ws";
import { clientMessageSchema, roomErrorResponses, roomIdParams, roomStreamQuery } from "../api/rooms.js";
import type { ParleyApp, ServerContext } from "../context.js";
import { toErrorReply } from "../errors.js";
import { actorOf, roomCaller, type RoomCaller } from "../rooms/auth.js";
import { StreamConnection, streamClose } from "../rooms/stream-connection.js";
import { commandOf } from "./rooms.js";

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
        // In the AsyncAPI document (/docs/asyncapi.json), not the OpenAPI one.
        hide: true,
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
      let detach: (() => void) | undefined;
      open.add(socket);
      const connection = new StreamConnection(socket, { bufferBytes: ctx.limits.streamBufferBytes, heartbeatMs: ctx.limits.heartbeatMs, now: ctx.now });
      const send = connection.send.bind(connection);
      const fail = (error: unknown, requestId?: string) => {
        const { body, internal } = toErrorReply(error, ctx.limits);
        if (internal !== undefined) request.log.error({ err: internal }, "room stream error");
        send({ type: "error", ...(requestId !== undefined ? { id: requestId } : {}), code: body.code, message: body.message });
      };

      socket.on("close", () => {
        connection.dispose();
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
          const rawId = (parsed as { id?: unknown } | null)?.id;
          const requestId = typeof rawId === "string" && rawId.length <= 100 ? rawId : undefined;
          return send({
            type: "error",
            ...(requestId !== undefined ? { id: requestId } : {}),
            code: "PARLEY_HTTP_VALIDATION",
            message: `the message does not match the stream's schema: ${first ? `${first.path.join(".") || "(message)"}: ${first.message}` : "invalid"}`,
          });
        }
        const message = checked.data;
        if (message.type === "pong") return connection.pong();
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
            if (connection.closed) unsubscribe();
            else detach = unsubscribe;
          },
          (error: unknown) => {
            fail(error);
            connection.close(streamClose.internal, "the room could not be read");
          },
        );
    },
  );
}
