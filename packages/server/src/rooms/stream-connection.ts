// One room stream connection's sending side: messages as JSON text, the slow-consumer bound (a
// connection whose unsent data passes it is closed with 4008, so it never holds the room or the
// server's memory), and the heartbeat (a ping every interval; no pong since the last ping: closed).
import type { ServerMessage } from "../api/rooms.js";

/** What a connection needs of a WebSocket (ws's WebSocket has it). */
export interface StreamSocket {
  /** Bytes queued but not yet handed to the network. */
  readonly bufferedAmount: number;
  send(data: string): void;
  close(code: number, reason: string): void;
  terminate(): void;
}

/** Close codes of the room stream. */
export const streamClose = {
  /** The server is shutting down. */
  goingAway: 1001,
  /** The room could not be read (a bug): reconnect later. */
  internal: 1011,
  /** The connection's unsent data passed the bound: reconnect with the last seq. */
  slowConsumer: 4008,
} as const;

export interface StreamConnectionOptions {
  /** Close (4008) when more than this many bytes wait to be sent. */
  readonly bufferBytes: number;
  readonly heartbeatMs: number;
  readonly now: () => number;
}

export class StreamConnection {
  private done = false;
  private awaitingPong = false;
  private readonly heartbeat: NodeJS.Timeout;

  constructor(
    private readonly socket: StreamSocket,
    private readonly options: StreamConnectionOptions,
  ) {
    this.heartbeat = setInterval(() => this.beat(), options.heartbeatMs);
    this.heartbeat.unref();
  }

  get closed(): boolean {
    return this.done;
  }

  send(message: ServerMessage): void {
    if (this.done) return;
    if (this.socket.bufferedAmount > this.options.bufferBytes) return this.close(streamClose.slowConsumer, "slow consumer");
    this.socket.send(JSON.stringify(message));
  }

  /** The client answered the last ping. */
  pong(): void {
    this.awaitingPong = false;
  }

  close(code: number, reason: string): void {
    if (this.done) return;
    this.dispose();
    this.socket.close(code, reason);
  }

  /** Stop the heartbeat (the socket closed). */
  dispose(): void {
    this.done = true;
    clearInterval(this.heartbeat);
  }

  private beat(): void {
    if (this.done) return;
    if (this.awaitingPong) {
      // No pong since the last ping: the peer is gone (or too slow to answer); no close handshake.
      this.dispose();
      this.socket.terminate();
      return;
    }
    this.awaitingPong = true;
    this.send({ type: "ping", t: this.options.now() });
  }
}
