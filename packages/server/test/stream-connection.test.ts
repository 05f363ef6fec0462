// The sending side of a room stream with a socket whose unsent bytes the test sets: the slow-consumer
// bound and the heartbeat, without depending on the kernel's socket buffers.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { StreamConnection, type StreamSocket } from "../src/rooms/stream-connection.js";

class FakeSocket implements StreamSocket {
  bufferedAmount = 0;
  readonly sent: unknown[] = [];
  closedWith: { code: number; reason: string } | undefined;
  terminated = false;
  send(data: string): void {
    this.sent.push(JSON.parse(data));
  }
  close(code: number, reason: string): void {
    this.closedWith = { code, reason };
  }
  terminate(): void {
    this.terminated = true;
  }
}

describe("StreamConnection", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("sends while the unsent data is within the bound; past it, closes with 4008 once and sends nothing more", () => {
    const socket = new FakeSocket();
    const c = new StreamConnection(socket, { bufferBytes: 1000, heartbeatMs: 15_000, now: () => 5 });
    c.send({ type: "ping", t: 1 });
    socket.bufferedAmount = 1000;
    c.send({ type: "ping", t: 2 });
    expect(socket.sent).toHaveLength(2);
    expect(socket.closedWith).toBeUndefined();
    socket.bufferedAmount = 1001;
    c.send({ type: "ping", t: 3 });
    expect(socket.closedWith).toEqual({ code: 4008, reason: "slow consumer" });
    expect(c.closed).toBe(true);
    socket.bufferedAmount = 0;
    c.send({ type: "ping", t: 4 });
    expect(socket.sent).toHaveLength(2);
    c.dispose();
  });

  it("pings every interval; a pong keeps the connection; a missed one terminates it", () => {
    const socket = new FakeSocket();
    const c = new StreamConnection(socket, { bufferBytes: 1 << 20, heartbeatMs: 100, now: () => 42 });
    vi.advanceTimersByTime(100);
    expect(socket.sent).toEqual([{ type: "ping", t: 42 }]);
    c.pong();
    vi.advanceTimersByTime(100);
    expect(socket.sent).toHaveLength(2);
    expect(socket.terminated).toBe(false);
    vi.advanceTimersByTime(100);
    expect(socket.terminated).toBe(true);
    expect(c.closed).toBe(true);
    vi.advanceTimersByTime(1000);
    expect(socket.sent).toHaveLength(2);
  });

  it("after dispose (the socket closed) nothing is sent and the heartbeat stops", () => {
    const socket = new FakeSocket();
    const c = new StreamConnection(socket, { bufferBytes: 1 << 20, heartbeatMs: 100, now: () => 1 });
    c.dispose();
    vi.advanceTimersByTime(1000);
    c.send({ type: "ping", t: 1 });
    expect(socket.sent).toEqual([]);
    expect(socket.terminated).toBe(false);
  });
});
