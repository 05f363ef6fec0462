// Server-sent events on a hijacked reply: `event: NAME` + `data: JSON` blocks, a comment as heartbeat.
import type { FastifyReply } from "fastify";

export interface EventStream {
  send(event: string, data: unknown): void;
  /** End the stream (idempotent). */
  close(): void;
  readonly closed: boolean;
  /** Called once when the stream ends, by either side. */
  onClose(listener: () => void): void;
}

/** Every open stream of an app, so that shutting down can end them (they would keep the server open). */
export type StreamRegistry = Set<EventStream>;

export function openEventStream(reply: FastifyReply, registry: StreamRegistry, heartbeatMs = 15_000): EventStream {
  reply.hijack();
  const raw = reply.raw;
  raw.writeHead(200, {
    "content-type": "text/event-stream; charset=utf-8",
    "cache-control": "no-cache, no-transform",
    connection: "keep-alive",
    "x-accel-buffering": "no",
  });
  raw.write(": parley\n\n");
  let closed = false;
  const listeners: (() => void)[] = [];
  const heartbeat = setInterval(() => {
    if (!closed) raw.write(": ping\n\n");
  }, heartbeatMs);
  heartbeat.unref();
  const finish = () => {
    if (closed) return;
    closed = true;
    clearInterval(heartbeat);
    registry.delete(stream);
    for (const l of listeners.splice(0)) l();
  };
  const stream: EventStream = {
    send(event, data) {
      if (closed) return;
      raw.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    },
    close() {
      if (closed) return;
      finish();
      raw.end();
    },
    get closed() {
      return closed;
    },
    onClose(listener) {
      if (closed) listener();
      else listeners.push(listener);
    },
  };
  registry.add(stream);
  // The response's "close" fires when it ends or the client goes away (the request's fires early).
  raw.on("close", finish);
  return stream;
}
