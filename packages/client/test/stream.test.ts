// The reconnecting stream against a scripted WebSocket: whatever the connections deliver
// (replays overlapping what was seen, holes, silence, drops), the consumer gets seq 1, 2, 3, …
// exactly once each; pings are answered; reconnection backs off and resumes after the last seq.
import fc from "fast-check";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { RoomEvent } from "@parley/core";
import { openStream, RoomApiError, type WebSocketLike } from "@parley/client";

class FakeSocket implements WebSocketLike {
  static all: FakeSocket[] = [];
  readyState = 0;
  onopen: WebSocketLike["onopen"] = null;
  onmessage: WebSocketLike["onmessage"] = null;
  onclose: WebSocketLike["onclose"] = null;
  onerror: WebSocketLike["onerror"] = null;
  readonly sent: unknown[] = [];
  closed = false;
  constructor(readonly url: string) {
    FakeSocket.all.push(this);
  }
  get after(): number {
    return Number(new URL(this.url).searchParams.get("after"));
  }
  send(data: string) {
    this.sent.push(JSON.parse(data));
  }
  close() {
    this.closed = true;
  }
  deliver(msg: unknown) {
    this.onmessage?.({ data: JSON.stringify(msg) });
  }
  hello(seq: number) {
    this.deliver({ type: "hello", seq, role: "seat", view: {} });
  }
  event(seq: number) {
    this.deliver({ type: "event", event: ev(seq) });
  }
  drop() {
    this.onclose?.({ code: 1006, reason: "" });
  }
}

const ev = (seq: number): RoomEvent => ({ seq, at: "2026-01-01T00:00:00.000Z", type: "seat-joined", actor: { role: "engine" }, public: { party: "a" } }) as RoomEvent;
const latestSocket = () => FakeSocket.all[FakeSocket.all.length - 1]!;
const open = (extra: Partial<Parameters<typeof openStream>[0]> = {}) =>
  openStream({ url: (after) => `ws://x/api/rooms/r/stream?after=${after}`, WebSocket: FakeSocket, random: () => 0.5, backoff: { initialMs: 10, maxMs: 80 }, ...extra });

afterEach(() => {
  FakeSocket.all = [];
  vi.useRealTimers();
});

describe("room stream", () => {
  it("delivers each seq once across reconnections, resuming after the last seq seen (property)", async () => {
    vi.useFakeTimers();
    // A script of connections: each replays from some point at or before what the client has seen
    // (overlap), delivers a few events, maybe skips one (a hole), then drops.
    await fc.assert(
      fc.asyncProperty(fc.array(fc.record({ back: fc.nat(3), count: fc.nat(5), hole: fc.boolean() }), { minLength: 1, maxLength: 8 }), async (script) => {
        FakeSocket.all = [];
        const stream = open();
        const got: number[] = [];
        const consumer = (async () => {
          for await (const e of stream) got.push(e.seq);
        })();
        for (const step of script) {
          const s = latestSocket();
          // the client asked for what follows the last event it delivered
          expect(s.after).toBe(stream.lastSeq);
          const from = Math.max(0, s.after - step.back);
          s.hello(from + step.count);
          for (let k = 1; k <= step.count && !s.closed; k++) s.event(from + k + (step.hole && k >= 2 ? 1 : 0));
          if (!s.closed) s.drop();
          await vi.runOnlyPendingTimersAsync();
        }
        stream.close();
        await consumer;
        expect(got).toEqual(got.map((_, i) => i + 1));
        expect(stream.lastSeq).toBe(got.length);
      }),
      { numRuns: 60 },
    );
  });

  it("reconnects with after = the last seq, drops duplicates, and a hole drops the connection", async () => {
    vi.useFakeTimers();
    const stream = open({ after: 2 });
    const s1 = latestSocket();
    expect(s1.after).toBe(2);
    s1.hello(5);
    s1.event(3);
    s1.event(3); // duplicate
    s1.event(5); // hole: 4 is missing
    expect(s1.closed).toBe(true);
    expect(stream.stats).toMatchObject({ duplicates: 1, gaps: 1 });
    await vi.advanceTimersByTimeAsync(10);
    const s2 = latestSocket();
    expect(s2).not.toBe(s1);
    expect(s2.after).toBe(3);
    s2.hello(5);
    s2.event(4);
    s2.event(5);
    const seqs = [(await stream.next())!.seq, (await stream.next())!.seq, (await stream.next())!.seq];
    expect(seqs).toEqual([3, 4, 5]);
    stream.close();
    expect(await stream.next()).toBeNull();
    expect(s2.closed).toBe(true);
  });

  it("closing while the socket still connects leaves an error handler, so the error the socket then reports is not uncaught", () => {
    const stream = open();
    const sock = latestSocket();
    expect(sock.readyState).toBe(0);
    stream.close();
    expect(sock.closed).toBe(true);
    expect(sock.onerror).toBeTypeOf("function");
    expect(() => sock.onerror!({} as never)).not.toThrow();
  });

  it("answers pings with the same t", () => {
    const stream = open();
    const s = latestSocket();
    s.deliver({ type: "ping", t: 1234 });
    expect(s.sent).toEqual([{ type: "pong", t: 1234 }]);
    stream.close();
  });

  it("backs off exponentially up to the cap while the server is away, and resets after a hello", async () => {
    vi.useFakeTimers();
    const delays: number[] = [];
    const stream = open({ onReconnect: ({ delayMs }) => delays.push(delayMs) });
    for (let k = 0; k < 6; k++) {
      latestSocket().drop();
      await vi.runOnlyPendingTimersAsync();
    }
    // initial 10 ms doubling, capped at 80, times the jitter factor 0.75 (random 0.5)
    expect(delays).toEqual([8, 15, 30, 60, 60, 60]);
    latestSocket().hello(0);
    latestSocket().drop();
    await vi.runOnlyPendingTimersAsync();
    expect(delays.at(-1)).toBe(8);
    stream.close();
  });

  it("a silent connection is presumed dead and replaced", async () => {
    vi.useFakeTimers();
    const stream = open({ idleMs: 1000 });
    const s1 = latestSocket();
    s1.hello(0);
    await vi.advanceTimersByTimeAsync(999);
    expect(FakeSocket.all).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(20);
    expect(s1.closed).toBe(true);
    expect(FakeSocket.all).toHaveLength(2);
    stream.close();
  });

  it("ends with the API's error when the token or room is refused (no endless retry)", async () => {
    const stream = open({
      check: () => Promise.reject(new RoomApiError(401, "PARLEY_HTTP_UNAUTHORIZED", "bad token")),
    });
    latestSocket().drop();
    await expect(stream.next()).rejects.toMatchObject({ status: 401, code: "PARLEY_HTTP_UNAUTHORIZED" });
    expect(FakeSocket.all).toHaveLength(1);
  });

  it("gives up after giveUpMs without a connection", async () => {
    vi.useFakeTimers();
    const stream = open({ giveUpMs: 100, check: () => Promise.reject(new RoomApiError(0, "PARLEY_CLIENT_UNREACHABLE", "down")) });
    const failed = stream.next().catch((e: unknown) => e);
    for (let k = 0; k < 20; k++) {
      latestSocket().drop();
      await vi.advanceTimersByTimeAsync(80);
    }
    expect(await failed).toMatchObject({ status: 0, code: "PARLEY_CLIENT_UNREACHABLE" });
  });
});
