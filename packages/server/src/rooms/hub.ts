// The live rooms of this process (docs/rooms.md, "How the server runs a room"). A room's state is
// the core engine's fold of its events; the hub keeps it in memory, serialises the commands of each
// room (one queue per room), writes each command's events, audit entries, status and signed head in
// one transaction, and only then broadcasts the events to the room's streams, re-arms the deadline
// and lets the engine make its own moves (agent seats, engine drafts) until it has none.
import { AuditLog, commit as commitTo, newSalt, toHex, type SigningKey } from "@parley/audit";
import {
  applyRoomEvent,
  createRoom,
  decideRoom,
  engineMoves,
  replayRoom,
  RoomRuleError,
  roomView,
  visibleEvent,
  type RoomActor,
  type RoomCommand,
  type RoomEvent,
  type RoomSpec,
  type RoomState,
  type RoomViewer,
  type Scenario,
} from "@parley/core";
import type { FastifyBaseLogger } from "fastify";
import { httpError } from "../errors.js";
import type { RoomStore, StoredEvent, NewToken } from "../store/room-store.js";
import type { ScenarioVersion, Store } from "../store/store.js";

/** Statuses after which nothing happens in a room. */
export const finalStatuses: readonly string[] = ["settled", "failed", "closed"];

/** What a stream connection gets: server messages, in order, synchronously. */
export interface RoomSink {
  readonly viewer: RoomViewer;
  /** Called with each event the viewer may see, after it is committed, in seq order. */
  event(event: RoomEvent): void;
}

/** A room held in memory. */
export interface LiveRoom {
  readonly id: string;
  readonly spec: RoomSpec;
  readonly source: ScenarioVersion;
  /** The engine's state: mutated in place by applyRoomEvent, only inside the room's queue. */
  state: RoomState;
  lastSeq: number;
  log: AuditLog;
  timer: NodeJS.Timeout | undefined;
  readonly sinks: Set<RoomSink>;
  /** The tail of the room's command queue. */
  queue: Promise<unknown>;
  pumping: boolean;
  /** A commit failed and the state could not be taken back from the database: reload before the next job reads it. */
  stale: boolean;
}

export interface HubOptions {
  readonly store: Store;
  readonly rooms: RoomStore;
  readonly now: () => number;
  readonly log: FastifyBaseLogger;
}

/** The result of a command: the room's last seq after it, and the events it appended. */
export interface CommandResult {
  readonly seq: number;
  readonly events: readonly RoomEvent[];
}

/** Extra writes a command makes in its transaction (joining: the invite is used, a session created). */
export interface CommandExtras {
  readonly redeem?: { readonly hash: string; readonly now: string };
  readonly tokens?: readonly NewToken[];
}

const iso = (ms: number): string => new Date(ms).toISOString();
/** Ended rooms kept in memory (others are replayed from the database when read). */
const FINISHED_KEPT = 64;
/** setTimeout's longest delay: later deadlines are re-armed in steps. */
const MAX_TIMER_MS = 2 ** 31 - 1;
/** After a failed engine move (or a room that could not be replayed), the engine is driven again after this, doubling up to RETRY_MAX_MS. */
const RETRY_MS = 100;
const RETRY_MAX_MS = 5_000;

/** The audit entry of an event: everything public, and the commitment to the private part (never the part itself). */
export function auditEntryOf(roomId: string, event: RoomEvent): Record<string, unknown> {
  return {
    room: roomId,
    seq: event.seq,
    at: event.at,
    type: event.type,
    actor: event.actor,
    public: event.public,
    ...(event.commitment !== undefined ? { commitment: event.commitment } : {}),
  };
}

export class RoomHub {
  private readonly live = new Map<string, LiveRoom>();
  private readonly loading = new Map<string, Promise<LiveRoom>>();
  /** Ended rooms held in memory, least recently settled first (see settle). */
  private readonly finished = new Set<string>();
  /** Rooms whose engine failed and is driven again later: the timer and the failures so far. */
  private readonly retries = new Map<string, { timer: NodeJS.Timeout | undefined; failures: number }>();
  private key: SigningKey | undefined;
  private closed = false;
  /** While start() replays the unfinished rooms: the rooms it loaded, driven once all are (see start). */
  private starting: LiveRoom[] | null = null;

  constructor(private readonly options: HubOptions) {}

  private get rooms(): RoomStore {
    return this.options.rooms;
  }

  /**
   * Load the signing key (creating it at first start) and replay every unfinished room: their
   * deadlines re-armed, their engines moving (loading a room drives it). A room that cannot be
   * replayed now is tried again later (retryLater), as is a room whose engine move fails.
   */
  async start(): Promise<void> {
    this.key = await this.rooms.serverKey(iso(this.options.now()));
    // Replay them all first, then drive them: the engines of the first rooms would otherwise take
    // turns with the replay of the others, and the server would answer only much later.
    const loaded: LiveRoom[] = (this.starting = []);
    try {
      for (const id of await this.rooms.unfinishedRoomIds(finalStatuses)) {
        try {
          await this.room(id);
        } catch (error) {
          this.options.log.error({ err: error, room: id }, "a room could not be replayed at start");
          this.retryLater(id);
        }
      }
    } finally {
      this.starting = null;
      for (const room of loaded) this.afterChange(room);
    }
  }

  /** Rooms held in memory and the stream connections attached to them. */
  counts(): { held: number; streams: number } {
    let streams = 0;
    for (const room of this.live.values()) streams += room.sinks.size;
    return { held: this.live.size, streams };
  }

  /** The server's public key (hex). */
  publicKey(): string {
    if (!this.key) throw new Error("the room hub is not started");
    return toHex(this.key.publicKey);
  }

  /** Stop the timers and the engine loops (the store stays open). */
  close(): void {
    this.closed = true;
    for (const room of this.live.values()) if (room.timer) clearTimeout(room.timer);
    for (const retry of this.retries.values()) if (retry.timer) clearTimeout(retry.timer);
  }

  /** A room, loaded from the database (replayed) on first use; 404 PARLEY_HTTP_ROOM_NOT_FOUND when there is none. */
  async room(id: string): Promise<LiveRoom> {
    const hit = this.live.get(id);
    if (hit) return hit;
    let pending = this.loading.get(id);
    if (!pending) {
      pending = this.load(id).finally(() => this.loading.delete(id));
      this.loading.set(id, pending);
    }
    return pending;
  }

  private async load(id: string): Promise<LiveRoom> {
    const record = await this.rooms.getRoom(id);
    if (!record) throw httpError("PARLEY_HTTP_ROOM_NOT_FOUND", id);
    const source = await this.scenarioOf(record.spec);
    const events = (await this.rooms.events(id)).map((e) => e.event);
    const audit = await this.rooms.audit(id);
    const room: LiveRoom = {
      id,
      spec: record.spec,
      source,
      state: replayRoom(source.scenario, events),
      lastSeq: events.length,
      log: AuditLog.restore(id, this.signingKey(), audit.entries, audit.heads),
      timer: undefined,
      sinks: new Set(),
      queue: Promise.resolve(),
      pumping: false,
      stale: false,
    };
    this.live.set(id, room);
    // Whatever loads a room (the start, a request, a retry), an unfinished one gets its deadline and its engine.
    if (finalStatuses.includes(room.state.status)) this.settle(room);
    else if (this.starting) this.starting.push(room);
    else this.afterChange(room);
    return room;
  }

  private async scenarioOf(spec: RoomSpec): Promise<ScenarioVersion> {
    const source = await this.options.store.readVersion(spec.scenario.id, spec.scenario.version);
    if (!source) throw httpError("PARLEY_HTTP_VERSION_NOT_FOUND", spec.scenario.id, spec.scenario.version);
    return source;
  }

  private signingKey(): SigningKey {
    if (!this.key) throw new Error("the room hub is not started");
    return this.key;
  }

  /** The scenario version a room runs (its model and its native text). */
  async source(id: string): Promise<ScenarioVersion> {
    return (await this.room(id)).source;
  }

  /**
   * Create a room from its spec: the room-created event (checked by the engine's replay), its audit
   * entry and first signed head, and the tokens, in one transaction. Then the engine moves.
   */
  async create(spec: RoomSpec, scenario: Scenario, source: ScenarioVersion, tokens: readonly NewToken[]): Promise<void> {
    const now = this.options.now();
    const created = { seq: 1, at: iso(now), ...createRoom(scenario, spec) } as RoomEvent;
    const state = replayRoom(scenario, [created]);
    const log = new AuditLog(spec.id, this.signingKey());
    const entry = log.append(auditEntryOf(spec.id, created));
    const head = log.signHead(now);
    await this.rooms.createRoom(
      { spec, now: iso(now) },
      { roomId: spec.id, from: 0, events: [{ event: created }], entries: [entry], head, status: state.status, tokens },
    );
    const room: LiveRoom = {
      id: spec.id,
      spec,
      source,
      state,
      lastSeq: 1,
      log,
      timer: undefined,
      sinks: new Set(),
      queue: Promise.resolve(),
      pumping: false,
      stale: false,
    };
    this.live.set(spec.id, room);
    this.afterChange(room);
  }

  /** Run `job` after every job queued before it on this room (commands of one room never interleave). */
  private enqueue<T>(room: LiveRoom, job: () => Promise<T>): Promise<T> {
    const run = room.queue.then(job, job);
    room.queue = run.catch(() => undefined);
    return run;
  }

  /** Decide and append one command (queued behind the room's other commands). */
  async command(id: string, actor: RoomActor, command: RoomCommand, extras: CommandExtras = {}): Promise<CommandResult> {
    const room = await this.room(id);
    return this.enqueue(room, () => this.apply(room, actor, command, extras));
  }

  /** The room as `viewer` may see it (core roomView) and its last seq, between two commands. */
  async snapshot(id: string, viewer: RoomViewer): Promise<{ seq: number; view: unknown }> {
    const room = await this.room(id);
    return this.enqueue(room, async () => {
      await this.refresh(room);
      return { seq: room.lastSeq, view: roomView(room.state, viewer) };
    });
  }

  private async apply(room: LiveRoom, actor: RoomActor, command: RoomCommand, extras: CommandExtras): Promise<CommandResult> {
    if (this.closed) throw httpError("PARLEY_HTTP_SHUTTING_DOWN");
    await this.refresh(room);
    const nowMs = this.options.now();
    const at = iso(nowMs);
    const drafts = decideRoom(room.state, actor, command, at);
    const stored: StoredEvent[] = [];
    const entries = [];
    try {
      for (const [i, draft] of drafts.entries()) {
        const seq = room.lastSeq + 1 + i;
        let event: RoomEvent;
        let salt: string | undefined;
        if (draft.private !== undefined) {
          const bytes = newSalt();
          salt = toHex(bytes);
          event = { seq, at, ...draft, commitment: commitTo(bytes, draft.private.body) } as RoomEvent;
        } else event = { seq, at, ...draft } as RoomEvent;
        applyRoomEvent(room.state, event);
        stored.push(salt !== undefined ? { event, salt } : { event });
        entries.push(room.log.append(auditEntryOf(room.id, event)));
      }
      const lastHead = room.log.heads.at(-1)?.timestamp ?? 0;
      const head = stored.length > 0 ? room.log.signHead(Math.max(nowMs, lastHead)) : undefined;
      await this.rooms.commit(
        {
          roomId: room.id,
          from: room.lastSeq,
          events: stored,
          entries,
          ...(head ? { head } : {}),
          status: room.state.status,
          ...(extras.redeem ? { redeem: extras.redeem } : {}),
          ...(extras.tokens ? { tokens: extras.tokens } : {}),
        },
        at,
      );
    } catch (error) {
      // The state and the in-memory log took the events: take them back from the database (or, when
      // it cannot be read now, before the next job reads the room).
      if (drafts.length > 0) {
        room.stale = true;
        await this.refresh(room).catch((reloadError: unknown) => this.options.log.error({ err: reloadError, room: room.id }, "a room could not be reloaded after a failed commit"));
      }
      throw error;
    }
    room.lastSeq += stored.length;
    const events = stored.map((s) => s.event);
    this.broadcast(room, events);
    if (events.length > 0) this.afterChange(room);
    return { seq: room.lastSeq, events };
  }

  /** When a failed commit left the room stale: replace its state and log with what the database holds. */
  private async refresh(room: LiveRoom): Promise<void> {
    if (!room.stale) return;
    const events = (await this.rooms.events(room.id)).map((e) => e.event);
    const audit = await this.rooms.audit(room.id);
    const state = replayRoom(room.source.scenario, events);
    const log = AuditLog.restore(room.id, this.signingKey(), audit.entries, audit.heads);
    room.state = state;
    room.lastSeq = events.length;
    room.log = log;
    room.stale = false;
  }

  private broadcast(room: LiveRoom, events: readonly RoomEvent[]): void {
    for (const sink of room.sinks)
      for (const e of events) {
        const visible = visibleEvent(e, sink.viewer);
        if (visible) sink.event(visible);
      }
  }

  /**
   * Rooms that have ended take no more commands: without streams and engine work, they leave memory
   * once more than FINISHED_KEPT of them are held (the least recently settled first) and are
   * replayed again when read.
   */
  private settle(room: LiveRoom): void {
    if (!finalStatuses.includes(room.state.status) || room.sinks.size > 0 || room.pumping || this.live.get(room.id) !== room) return;
    this.finished.delete(room.id);
    this.finished.add(room.id);
    while (this.finished.size > FINISHED_KEPT) {
      const oldest = this.finished.values().next().value!;
      this.finished.delete(oldest);
      const held = this.live.get(oldest);
      if (held && held.sinks.size === 0 && !held.pumping) this.live.delete(oldest);
    }
  }

  /** After a change: arm the deadline, let the engine move. */
  private afterChange(room: LiveRoom): void {
    this.armDeadline(room);
    this.pump(room);
  }

  private armDeadline(room: LiveRoom): void {
    if (room.timer) clearTimeout(room.timer);
    room.timer = undefined;
    const deadlineAt = room.state.deadlineAt;
    if (this.closed || deadlineAt === null || finalStatuses.includes(room.state.status)) return;
    const due = Date.parse(deadlineAt);
    const wait = Math.max(0, due - this.options.now());
    room.timer = setTimeout(
      () => {
        room.timer = undefined;
        // A timer may fire a little early (or in steps, for far deadlines): wait for the clock to reach it.
        if (this.options.now() < due) return this.armDeadline(room);
        this.enqueue(room, () => this.apply(room, { role: "engine" }, { type: "deadline" }, {})).catch((error: unknown) => {
          this.options.log.warn({ err: error, room: room.id }, "the deadline command was refused");
          // Not a rule of the room (a failed write): the deadline is armed again later, and fires then.
          if (!(error instanceof RoomRuleError)) this.retryLater(room.id);
        });
      },
      Math.min(wait + 1, MAX_TIMER_MS),
    );
    room.timer.unref();
  }

  /**
   * Apply the engine's own moves one at a time (yielding between them, so rooms interleave) until it
   * has none. A move that fails (a write that did not go through, a room that could not be reloaded)
   * does not stop the room: its engine is driven again later (retryLater), from what the database holds.
   */
  private pump(room: LiveRoom): void {
    if (room.pumping || this.closed) return;
    room.pumping = true;
    setImmediate(() => {
      void (async () => {
        let failed = false;
        try {
          while (!this.closed) {
            const moved = await this.enqueue(room, async () => {
              await this.refresh(room);
              const move = engineMoves(room.state)[0];
              if (!move) return false;
              await this.apply(room, move.actor, move.command, {});
              return true;
            });
            if (!moved) break;
            this.succeeded(room.id);
            await new Promise((resolve) => setImmediate(resolve));
          }
        } catch (error) {
          failed = true;
          this.options.log.error({ err: error, room: room.id }, "an engine move failed");
        } finally {
          room.pumping = false;
          if (failed) this.retryLater(room.id);
          else this.settle(room);
        }
      })();
    });
  }

  /** Drive a room's engine (and re-arm its deadline) again after a delay that doubles with each failure in a row. */
  private retryLater(id: string): void {
    if (this.closed) return;
    const retry = this.retries.get(id) ?? { timer: undefined, failures: 0 };
    if (retry.timer) return;
    const delay = Math.min(RETRY_MAX_MS, RETRY_MS * 2 ** retry.failures);
    retry.failures++;
    retry.timer = setTimeout(() => {
      retry.timer = undefined;
      if (this.closed) return;
      this.room(id).then(
        (room) => {
          if (!finalStatuses.includes(room.state.status)) this.afterChange(room);
        },
        (error: unknown) => {
          this.options.log.error({ err: error, room: id }, "a room could not be replayed");
          this.retryLater(id);
        },
      );
    }, delay);
    this.retries.set(id, retry);
  }

  /** The room's engine moved: its next failure is retried after the shortest delay again. */
  private succeeded(id: string): void {
    const retry = this.retries.get(id);
    if (retry && !retry.timer) this.retries.delete(id);
  }

  /**
   * Attach a stream: between two commands, the view and every visible event after `after` are
   * handed to `hello` and `sink.event` synchronously, and the sink is registered, so the live events
   * follow with no gap and no duplicate. Returns the function that detaches it.
   */
  async subscribe(id: string, sink: RoomSink, after: number, hello: (seq: number, view: unknown) => void): Promise<() => void> {
    const room = await this.room(id);
    return this.enqueue(room, async () => {
      await this.refresh(room);
      const past = after < room.lastSeq ? await this.rooms.events(id, after) : [];
      hello(room.lastSeq, roomView(room.state, sink.viewer));
      for (const { event } of past) {
        if (event.seq > room.lastSeq) break;
        const visible = visibleEvent(event, sink.viewer);
        if (visible) sink.event(visible);
      }
      room.sinks.add(sink);
      return () => {
        room.sinks.delete(sink);
        this.settle(room);
      };
    });
  }
}
