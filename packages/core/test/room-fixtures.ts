// A room driven in memory as the server drives it: decide, append (seq, at, a stand-in commitment), apply,
// then the engine's own moves until none is left.
import {
  applyRoomEvent,
  createRoom,
  decideRoom,
  engineMoves,
  replayRoom,
  type CompiledScenario,
  type Preferences,
  type RoomActor,
  type RoomCommand,
  type RoomEvent,
  type RoomEventDraft,
  type RoomSeatSpec,
  type RoomSpec,
  type RoomState,
} from "@parley/core";

export const T0 = Date.parse("2026-12-01T10:00:00.000Z");

export function roomSpec(seats: readonly RoomSeatSpec[], extra: Partial<RoomSpec> = {}): RoomSpec {
  return {
    id: "room-1",
    scenario: { id: "s", version: 1 },
    protocol: "sao",
    seats,
    mediator: "none",
    disclosure: "aggregates",
    deadline: { rounds: 20 },
    seed: 7,
    createdAt: new Date(T0).toISOString(),
    ...extra,
  };
}

export const agent = (party: string, spec: string, excluded = false): RoomSeatSpec => ({ party, kind: "agent", agent: spec, ...(excluded ? { excluded } : {}) });
export const human = (party: string, excluded = false): RoomSeatSpec => ({ party, kind: "human", ...(excluded ? { excluded } : {}) });
export const seat = (party: string) => ({ role: "seat", party }) as const;
export const engine = { role: "engine" } as const;
export const mediator = { role: "mediator" } as const;

export class RoomDriver {
  readonly events: RoomEvent[] = [];
  /** The number of events after each command (a server commits a command's events together). */
  readonly commits: number[] = [];
  state: RoomState;
  /** Milliseconds since T0: every append advances the clock by one second. */
  clock = 0;

  constructor(
    readonly compiled: CompiledScenario,
    spec: RoomSpec,
  ) {
    const created = createRoom(compiled, spec);
    this.append([created]);
    this.state = replayRoom(compiled, this.events);
  }

  now(): string {
    return new Date(T0 + this.clock).toISOString();
  }

  private append(drafts: readonly RoomEventDraft[]): RoomEvent[] {
    const out: RoomEvent[] = [];
    for (const d of drafts) {
      this.clock += 1000;
      const seq = this.events.length + 1;
      const e = { ...d, seq, at: this.now(), ...(d.private ? { commitment: `c${seq}` } : {}) } as RoomEvent;
      this.events.push(e);
      out.push(e);
      if (this.state) applyRoomEvent(this.state, e);
    }
    return out;
  }

  /** Decide and append one command; returns its events. */
  act(actor: RoomActor, command: RoomCommand): RoomEvent[] {
    const out = this.append(decideRoom(this.state, actor, command, this.now()));
    this.commits.push(this.events.length);
    return out;
  }

  /** The engine's own moves until there are none (each applied as the server applies it). */
  auto(limit = 100_000): number {
    let n = 0;
    for (let moves = engineMoves(this.state); moves.length > 0; moves = engineMoves(this.state)) {
      for (const move of moves) {
        this.act(move.actor, move.command);
        if (++n > limit) throw new Error("the engine does not stop");
      }
    }
    return n;
  }

  /** Join and submit preferences for a human seat. */
  seat(party: string, preferences: Preferences): void {
    this.act(seat(party), { type: "join", party });
    this.act(seat(party), { type: "submit-preferences", party, preferences });
  }

  types(): string[] {
    return this.events.map((e) => e.type);
  }
}

/** Resume a room from stored events, as a restarted server does. */
export function resumeRoom(compiled: CompiledScenario, events: readonly RoomEvent[], clock: number): RoomDriver {
  const room = Object.create(RoomDriver.prototype) as RoomDriver;
  Object.assign(room, { compiled, events: [...events], commits: [], clock, state: replayRoom(compiled, events) });
  return room;
}
