// "Start a live room" (docs/workbench.md, Live rooms): protocol, each party a person or an agent
// (the simulation's agent list), the mediator, the deadline and the seats that only ratify; POST
// /api/rooms, then the convener's console (joined with a convener invite made with the room's
// convener token), which shows the invite links to copy.
import { useMemo, useState } from "react";
import { api, ApiError } from "../../api/client.js";
import type { AgentInfo, ScenarioDetail } from "../../api/types.js";
import { analysedParties } from "../../lib/parties.js";
import { keepFreshInvites, roomCreateRequest, type FormProblem, type RoomProtocol } from "../../lib/room-create.js";
import { routeHash } from "../../lib/route.js";

type Field = FormProblem["field"] | "form";
const PROTOCOLS: readonly { name: RoomProtocol; label: string }[] = [
  { name: "single-text", label: "single text (a mediator drafts, the seats rate)" },
  { name: "shuttle", label: "shuttle (a mediator carries a draft between the seats)" },
  { name: "sao", label: "alternating offers (two seats)" },
  { name: "stacked", label: "stacked alternating offers" },
];
const FIELDS: readonly Field[] = ["seats", "rounds", "seconds", "excluded"];

/** The form field a server refusal is about (its first issue's path after "body"), else the form. */
function fieldOf(error: unknown): Field {
  const path = error instanceof ApiError ? error.issues[0]?.path : undefined;
  const key = path?.[0] === "body" ? path[1] : path?.[0];
  const name = key === "deadline" ? (path?.includes("seconds") ? "seconds" : "rounds") : key;
  return FIELDS.includes(name as Field) ? (name as Field) : "form";
}

export function RoomStartForm({ detail, agents }: { detail: ScenarioDetail; agents: readonly AgentInfo[] }) {
  const parties = useMemo(() => analysedParties(detail.scenario), [detail.scenario]);
  const [protocol, setProtocol] = useState<RoomProtocol>("single-text");
  const [seats, setSeats] = useState<Record<string, string>>(() => Object.fromEntries(parties.map((p) => [p.id, p.role === "party" ? "human" : ""])));
  const [mediator, setMediator] = useState<"human" | "engine">("engine");
  const [rounds, setRounds] = useState("100");
  const [seconds, setSeconds] = useState("");
  const [excluded, setExcluded] = useState<string[]>([]);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [busy, setBusy] = useState(false);

  const start = async () => {
    const built = roomCreateRequest({ scenario: detail.id, version: detail.version, protocol, seats, mediator, rounds, seconds, excluded });
    if ("problems" in built) {
      setErrors(Object.fromEntries(built.problems.map((p) => [p.field, p.message])));
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const created = await api.createRoom(built.request);
      // The browser holds no room cookie yet: a convener invite (made with the convener token) joins it.
      const { invite } = await api.roomInviteAs(created.id, created.conveneToken, { role: "convener" });
      keepFreshInvites(created.id, created.invites);
      location.hash = routeHash({ page: "room", id: created.id, invite });
    } catch (error) {
      setErrors({ [fieldOf(error)]: error instanceof Error ? error.message : String(error) });
      setBusy(false);
    }
  };

  const err = (field: Field) =>
    errors[field] ? (
      <span role="alert" className="error small" id={`room-error-${field}`} data-testid={`room-error-${field}`}>
        {errors[field]}
      </span>
    ) : null;
  const described = (field: Field) => (errors[field] ? { "aria-describedby": `room-error-${field}`, "aria-invalid": true as const } : {});
  const mediated = protocol === "single-text" || protocol === "shuttle";

  return (
    <section className="panel room-start" aria-labelledby="room-start-title" data-testid="room-start">
      <h2 id="room-start-title">Start a live room</h2>
      <p className="muted small">People hold seats through invite links; agents play the others on the server (docs/rooms.md).</p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void start();
        }}
      >
        <div className="form-grid">
          <label className="field">
            <span>Protocol</span>
            <select value={protocol} onChange={(e) => setProtocol(e.target.value as RoomProtocol)} data-testid="room-protocol">
              {PROTOCOLS.map((p) => (
                <option key={p.name} value={p.name}>
                  {p.label}
                </option>
              ))}
            </select>
          </label>
          {mediated && (
            <label className="field">
              <span>Mediator</span>
              <select value={mediator} onChange={(e) => setMediator(e.target.value as "human" | "engine")} data-testid="room-mediator">
                <option value="engine">the engine</option>
                <option value="human">a person (invite link)</option>
              </select>
            </label>
          )}
          <label className="field narrow">
            <span>Deadline (rounds)</span>
            <input type="text" inputMode="numeric" value={rounds} onChange={(e) => setRounds(e.target.value)} data-testid="room-rounds" {...described("rounds")} />
            {err("rounds")}
          </label>
          <label className="field narrow">
            <span>Deadline (seconds)</span>
            <input type="text" inputMode="numeric" value={seconds} placeholder="none" onChange={(e) => setSeconds(e.target.value)} data-testid="room-seconds" {...described("seconds")} />
            {err("seconds")}
          </label>
        </div>
        <fieldset className="seats">
          <legend>Seats: a person, an agent, or not seated</legend>
          <datalist id="room-agent-names">
            <option value="human">a person (invite link)</option>
            {agents.map((a) => (
              <option key={a.name} value={a.name}>
                {a.description}
              </option>
            ))}
          </datalist>
          <table className="data-table seat-table">
            <thead>
              <tr>
                <th scope="col">Party</th>
                <th scope="col">Held by ("human", an agent spec, or empty)</th>
                {protocol === "shuttle" && <th scope="col">Ratify only</th>}
              </tr>
            </thead>
            <tbody>
              {parties.map((p) => (
                <tr key={p.id}>
                  <td>
                    {p.label} <span className="muted small">({p.role})</span>
                  </td>
                  <td>
                    <input
                      type="text"
                      list="room-agent-names"
                      value={seats[p.id] ?? ""}
                      onChange={(e) => setSeats((s) => ({ ...s, [p.id]: e.target.value }))}
                      aria-label={`Who holds the seat of ${p.label}`}
                      data-testid={`room-seat-${p.id}`}
                      {...described("seats")}
                    />
                  </td>
                  {protocol === "shuttle" && (
                    <td>
                      <input
                        type="checkbox"
                        checked={excluded.includes(p.id)}
                        onChange={() => setExcluded((x) => (x.includes(p.id) ? x.filter((e) => e !== p.id) : [...x, p.id]))}
                        aria-label={`${p.label} only ratifies`}
                        {...described("excluded")}
                      />
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
          {err("seats")}
          {err("excluded")}
        </fieldset>
        <div className="form-actions">
          <button type="submit" className="button" disabled={busy} data-testid="room-start-submit" {...described("form")}>
            {busy ? "Starting…" : "Start the room"}
          </button>
          {err("form")}
        </div>
      </form>
    </section>
  );
}
