// A live room (docs/rooms.md): reached from an invite link (`#/rooms/ID/join?invite=…`, exchanged
// for the room's httpOnly session cookie) or, with the cookie held, at `#/rooms/ID`. The page keeps
// the room's view for this session fresh from the room's WebSocket stream (@parley/client's
// reconnecting stream over the browser's WebSocket) and shows the console of the session's role.
import { useEffect } from "react";
import type { Scenario } from "@parley/core";
import { api, ApiError } from "../api/client.js";
import type { RoomStream } from "@parley/client";
import type { RoomView, ScenarioDetail } from "../api/types.js";
import { describeEvent, describeTurn } from "../lib/room-view.js";
import { routeHash } from "../lib/route.js";
import { routeChanged } from "../state/actions/navigation.js";
import { roomEvents, roomFailed, roomJoined, roomLive, roomLoaded, roomOpened } from "../state/actions/room.js";
import { dispatch, store, useAppState } from "../state/store.js";
import { errorMessage, useResource } from "../state/use-resource.js";
import { SeatConsole } from "./room/consoles.js";
import { AuditPanel } from "./room/AuditPanel.js";
import { RoomNotice } from "./room/RoomNotice.js";
import { ConvenerConsole } from "./room/ConvenerConsole.js";
import { LogProofs } from "./room/LogProofs.js";
import { MediatorConsole } from "./room/MediatorConsole.js";
import { PrivateChannel } from "./room/PrivateChannel.js";
import "./room/room-consoles.css";

/** Joins (when given an invite), loads the view and follows the stream until the page leaves the room. */
function useRoomSession(id: string, invite: string | undefined): void {
  useEffect(() => {
    let stopped = false;
    let stream: RoomStream | null = null;
    const fail = (e: unknown) => {
      if (!stopped) dispatch(roomFailed, { id, error: errorMessage(e), ...(e instanceof ApiError && e.code ? { code: e.code } : {}) });
    };
    // One GET at a time; events that arrive meanwhile ask for one more.
    let inFlight = false;
    let again = false;
    const refresh = async (): Promise<void> => {
      if (inFlight) {
        again = true;
        return;
      }
      inFlight = true;
      try {
        do {
          again = false;
          const got = await api.room(id);
          if (!stopped) dispatch(roomLoaded, { id, got });
        } while (again && !stopped);
      } finally {
        inFlight = false;
      }
    };
    dispatch(roomOpened, { id, joining: invite !== undefined });
    void (async () => {
      if (invite !== undefined) {
        try {
          const joined = await api.joinRoom(id, invite);
          dispatch(roomJoined, { id, role: joined.role, ...(joined.party !== undefined ? { party: joined.party } : {}) });
        } catch (e) {
          // A spent invite (a reload of the link) is fine when this browser holds the session already.
          if (!(e instanceof ApiError && e.code === "PARLEY_HTTP_INVITE_USED")) throw e;
        }
        // The invite is spent: take it out of the address bar and the history.
        const route = { page: "room", id } as const;
        history.replaceState(null, "", routeHash(route));
        store.dispatch(routeChanged, route);
      }
      await refresh();
      if (stopped) return;
      stream = api.roomStream(id, {
        after: 0,
        onHello: () => {
          dispatch(roomLive, { id, live: true });
          void refresh().catch(fail);
        },
        onReconnect: () => dispatch(roomLive, { id, live: false }),
      });
      for (;;) {
        const event = await stream.next();
        if (event === null || stopped) break;
        dispatch(roomEvents, { id, events: [event] });
        void refresh().catch(fail);
      }
    })().catch(fail);
    return () => {
      stopped = true;
      stream?.close();
    };
    // The invite is read once: the route drops it after the join.
  }, [id]);
}

export function RoomPage({ id, invite }: { id: string; invite?: string }) {
  useRoomSession(id, invite);
  const room = useAppState((s) => s.room);
  const view = room.id === id ? room.view : null;
  const scenario = useResource<ScenarioDetail>(view ? `scenario-version:${view.scenario.id}:${view.scenario.version}` : null, () =>
    api.scenarioVersion(view!.scenario.id, view!.scenario.version),
  );
  if (room.id !== id || room.status === "idle" || room.status === "joining" || (room.status === "loading" && !view)) {
    return (
      <section className="panel" aria-busy="true">
        <h1>Room {id}</h1>
        <p data-testid="room-loading">{room.status === "joining" ? "Joining with your invite…" : "Loading the room…"}</p>
      </section>
    );
  }
  if (room.status === "failed" && !view) {
    return (
      <section className="panel">
        <h1>Room {id}</h1>
        <p role="alert" className="error" data-testid="room-error">
          {room.error} {room.code ? <code>{room.code}</code> : null}
        </p>
        <p className="small muted">An invite link works once; a browser that used it keeps the session (a cookie) for this room.</p>
      </section>
    );
  }
  if (!view) return null;
  const sc: Scenario | null = scenario?.status === "ready" ? scenario.data.scenario : null;
  return (
    <div className="page room-page" data-testid="room-page" data-role={room.role ?? ""} data-status={view.status}>
      <RoomHeader view={view} role={room.role} party={room.party} live={room.live} />
      {room.error ? (
        <p role="alert" className="error">
          {room.error}
        </p>
      ) : null}
      {sc === null ? (
        <p className="muted">{scenario?.status === "error" ? `The scenario could not be loaded: ${scenario.error}` : "Loading the scenario…"}</p>
      ) : room.role === "seat" && room.party ? (
        <>
          <SeatConsole roomId={id} view={view} party={room.party} scenario={sc} />
          {view.protocol === "shuttle" && view.mediator === "human" && view.status !== "open" ? (
            <PrivateChannel roomId={id} party={room.party} viewer="seat" scenario={sc} open={!["settled", "failed", "closed"].includes(view.status)} />
          ) : null}
        </>
      ) : room.role === "mediator" ? (
        <MediatorConsole roomId={id} view={view} scenario={sc} />
      ) : room.role === "convener" ? (
        <ConvenerConsole roomId={id} view={view} />
      ) : (
        <p className="muted">You see the room's public record ({room.role}): its timeline below, and its audit log checked live in this browser.</p>
      )}
      {room.role === "observer" || room.role === "convener" ? <LogProofs roomId={id} /> : null}
      <AuditPanel roomId={id} seq={view.seq} />
      <Timeline />
    </div>
  );
}

function RoomHeader({ view, role, party, live }: { view: RoomView; role: string | null; party: string | null; live: boolean }) {
  return (
    <section className="panel" aria-labelledby="room-title">
      <header className="page-header">
        <h1 id="room-title">
          Room <code>{view.id}</code>
        </h1>
        <p className="lede">
          {view.scenario.id} (version {view.scenario.version}) · {view.protocol} · you are{" "}
          <strong data-testid="room-role">{role === "seat" ? `the seat of ${party}` : role}</strong>
        </p>
      </header>
      <dl className="facts">
        <dt>Status</dt>
        <dd data-testid="room-status">{view.status}</dd>
        <dt>Turn</dt>
        <dd data-testid="room-turn">{describeTurn(view, party)}</dd>
        <dt>Round</dt>
        <dd>
          {view.round} of {view.rounds}
        </dd>
        <dt>Deadline</dt>
        <dd>{view.deadlineAt ? new Date(view.deadlineAt).toLocaleString() : `round ${view.rounds}`}</dd>
        <dt>Connection</dt>
        <dd data-testid="room-live">{live ? "live" : "reconnecting…"}</dd>
      </dl>
      <RoomNotice view={view} role={role} party={party} />
      <table className="data-table compact" aria-label="Seats">
        <thead>
          <tr>
            <th scope="col">Seat</th>
            <th scope="col">Kind</th>
            <th scope="col">Joined</th>
            <th scope="col">Preferences</th>
          </tr>
        </thead>
        <tbody>
          {view.seats.map((s) => (
            <tr key={s.party}>
              <th scope="row">
                {s.party}
                {s.excluded ? " (ratifies only)" : ""}
              </th>
              <td>{s.kind}</td>
              <td>{s.joined ? "yes" : "no"}</td>
              <td>{s.preferencesSubmitted ? "submitted" : "not yet"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function Timeline() {
  const events = useAppState((s) => s.room.events);
  return (
    <section className="panel" aria-labelledby="room-timeline-title">
      <h2 id="room-timeline-title">Timeline</h2>
      <ol className="event-list" data-testid="room-timeline" reversed>
        {[...events].reverse().map((e) => (
          <li key={e.seq} data-seq={e.seq}>
            <span className="muted small">#{e.seq} {new Date(e.at).toLocaleTimeString()}</span> {describeEvent(e)}
          </li>
        ))}
      </ol>
    </section>
  );
}
