import { describe, expect, it } from "vitest";
import type { RunResultJson, SimulationJson, TournamentJson } from "../../api/types.js";
import { initialState, type AppState } from "../app-state.js";
import { importFailed, importStarted, importSucceeded } from "./import.js";
import { replayLoaded, replaySeek, replayStep, replayTicked, replayToggled } from "./replay.js";
import { resourceFailed, resourceLoaded, resourceRequested, resourcesInvalidated } from "./resources.js";
import { simulationAccepted, simulationStarting, simulationUpdated } from "./simulation.js";
import { tournamentAccepted, tournamentStarting, tournamentUpdated } from "./tournament.js";
import { roomEvents, roomFailed, roomLoaded, roomOpened } from "./room.js";
import { outcomeAxesEnsured, outcomeAxisSet, outcomeWeightSet, outcomeWeightsReset, timelineFilterSet } from "./views.js";

const s0: AppState = initialState;

describe("resource actions", () => {
  it("resourceRequested, resourceLoaded, resourceFailed and resourcesInvalidated", () => {
    const a = resourceRequested(s0, { key: "scenario:x" });
    expect(a.resources["scenario:x"]).toEqual({ status: "loading" });
    expect(resourceRequested(a, { key: "scenario:x" })).toBe(a);
    const b = resourceLoaded(a, { key: "scenario:x", data: 1 });
    expect(b.resources["scenario:x"]).toEqual({ status: "ready", data: 1 });
    const c = resourceFailed(b, { key: "analysis:x", error: "no", code: "E" });
    expect(c.resources["analysis:x"]).toEqual({ status: "error", error: "no", code: "E" });
    const d = resourcesInvalidated(c, { prefixes: ["scenario:"] });
    expect(Object.keys(d.resources)).toEqual(["analysis:x"]);
    expect(resourcesInvalidated(d, { prefixes: ["nothing"] })).toBe(d);
  });
});

describe("replay actions", () => {
  it("replayLoaded shows the whole trace, paused", () => {
    const s = replayLoaded(s0, { length: 10 });
    expect(s.replay).toMatchObject({ length: 10, step: 10, playing: false });
  });

  it("replayStep and replaySeek stay within 0 … length and pause", () => {
    let s = replayLoaded(s0, { length: 5 });
    s = replaySeek(s, { step: -3 });
    expect(s.replay.step).toBe(0);
    s = replayStep(s, { delta: 2 });
    expect(s.replay.step).toBe(2);
    s = replayStep(s, { delta: 10 });
    expect(s.replay.step).toBe(5);
    expect(replayStep(s, { delta: 1 })).toBe(s);
  });

  it("replayToggled plays from the start at the end, and replayTicked stops at the end", () => {
    let s = replayToggled(replayLoaded(s0, { length: 2 }), undefined);
    expect(s.replay).toMatchObject({ step: 0, playing: true });
    s = replayTicked(s, undefined);
    expect(s.replay).toMatchObject({ step: 1, playing: true });
    s = replayTicked(s, undefined);
    expect(s.replay).toMatchObject({ step: 2, playing: false });
    expect(replayTicked(s, undefined)).toBe(s);
    expect(replayToggled(s0, undefined)).toBe(s0); // nothing to play
  });
});

describe("simulation actions", () => {
  const result: RunResultJson = {
    scenario: { id: "x", name: "X", version: 1 },
    protocol: "sao",
    agents: ["linear", "linear"],
    seed: 1,
    steps: 3,
    reservation: [0, 0],
    welfare: 1,
    others: [],
    notes: [],
    agreement: null,
    utilities: [0.5, 0.5],
    rounds: 3,
    status: "timeout",
    seats: ["a", "b"],
    paretoDistance: 0.1,
    nashDistance: 0.2,
    trace: [
      { seq: 0, round: 0, time: 0, type: "offer", sender: 0, senderId: "a", utilities: [1, 0] },
      { seq: 1, round: 0, time: 0, type: "reject", sender: 1, senderId: "b" },
    ],
  };

  const job = (status: SimulationJson["status"], r: RunResultJson | null, error: SimulationJson["error"] = null): SimulationJson => ({
    id: "sim1",
    scenarioId: "x",
    version: 1,
    status,
    request: { scenarioId: "x", version: 1, rounds: 3, seed: 1 },
    result: r,
    error,
    createdAt: "2026-01-01T00:00:00.000Z",
    startedAt: null,
    finishedAt: null,
  });

  it("simulationUpdated loads a finished run into the replay, with its metrics", () => {
    let s = simulationStarting(s0, { scenarioId: "x" });
    s = simulationAccepted(s, { id: "sim1" });
    expect(simulationUpdated(s, { id: "other", job: job("done", result) })).toBe(s);
    expect(simulationUpdated(s, { id: "sim1", job: job("running", null) })).toBe(s);
    const done = simulationUpdated(s, { id: "sim1", job: job("done", result) });
    expect(done.simulation).toMatchObject({ status: "done", metrics: { paretoDistance: 0.1, nashDistance: 0.2 }, origin: "form" });
    expect(done.replay).toMatchObject({ length: 2, step: 2 });
    const failed = simulationUpdated(s, { id: "sim1", job: job("failed", null, { code: "X", message: "boom" }) });
    expect(failed.simulation).toMatchObject({ status: "failed", error: "boom" });
    const cancelled = simulationUpdated(s, { id: "sim1", job: job("cancelled", null, { code: "PARLEY_HTTP_JOB_CANCELLED", message: "the job was cancelled" }) });
    expect(cancelled.simulation).toMatchObject({ status: "failed", error: "the job was cancelled" });
  });
});

describe("tournament actions", () => {
  it("tournamentUpdated follows progress, then takes the results", () => {
    let s = tournamentAccepted(tournamentStarting(s0, undefined), { id: "t" });
    const base = {
      id: "t",
      config: { competitors: ["boulware", "linear"], scenarios: [{ id: "x", version: 1, seats: ["a", "b"] }], protocol: "sao", rounds: 10, repetitions: 1, rotate: true, selfPlay: false, seed: 1 },
      error: null,
      createdAt: "2026-01-01T00:00:00.000Z",
      startedAt: null,
      finishedAt: null,
    } as const;
    const running: TournamentJson = { ...base, status: "running", progress: { done: 2, total: 6 }, results: null };
    s = tournamentUpdated(s, { id: "t", job: running });
    expect(s.tournament.progress).toEqual({ done: 2, total: 6 });
    const overall = { runs: 6, agreementRate: 1, meanWelfare: 1.2, meanParetoDistance: null, meanNashDistance: null, fairness: 1, errors: 0 };
    const row = { competitor: "boulware", rank: 1, appearances: 6, meanUtility: 0.6, agreementRate: 1, meanParetoDistance: null, meanNashDistance: null, fairness: 1, errors: 0, faults: 0 };
    const results = { plan: "abc", runs: [], scores: { competitors: [row], overall } };
    s = tournamentUpdated(s, { id: "t", job: { ...base, status: "done", progress: { done: 6, total: 6 }, results } });
    expect(s.tournament).toMatchObject({ status: "done", results });
    expect(tournamentUpdated(s, { id: "other", job: running })).toBe(s);
  });
});

describe("import actions", () => {
  it("importStarted → importFailed keeps the files for the problem view; importSucceeded clears problems", () => {
    const files = [{ name: "a.yaml", text: "x" }];
    const failed = importFailed(importStarted(s0, { files }), { message: "bad", issues: [{ code: "C", path: [], message: "m", severity: "error", line: 1 }] });
    expect(failed.import).toMatchObject({ status: "failed", files, message: "bad" });
    expect(importSucceeded(failed, { id: "a", version: 1 }).import).toMatchObject({ status: "done", issues: [], created: { id: "a", version: 1 } });
  });
});

describe("view actions", () => {
  it("outcomeAxesEnsured picks the first two parties and keeps valid choices", () => {
    const s = outcomeAxesEnsured(s0, { scenarioId: "x", parties: ["a", "b", "c"] });
    expect(s.outcomeView).toMatchObject({ x: "a", y: "b" });
    const t = outcomeAxisSet(s, { axis: "y", party: "c" });
    expect(outcomeAxesEnsured(t, { scenarioId: "x", parties: ["a", "b", "c"] })).toBe(t);
    expect(outcomeAxesEnsured(t, { scenarioId: "y", parties: ["p", "q"] }).outcomeView).toMatchObject({ x: "p", y: "q", weights: null });
  });

  it("outcomeAxisSet swaps the axes when the other axis's party is chosen", () => {
    const s = outcomeAxisSet(outcomeAxesEnsured(s0, { scenarioId: "x", parties: ["a", "b"] }), { axis: "x", party: "b" });
    expect(s.outcomeView).toMatchObject({ x: "b", y: "a" });
  });

  it("outcomeWeightSet edits one weight from the party's own, and outcomeWeightsReset drops the edits", () => {
    const s = outcomeWeightSet(s0, { party: "a", issue: "i1", weight: 0.7, base: { i1: 0.5, i2: 0.5 } });
    expect(s.outcomeView.weights).toEqual({ a: { i1: 0.7, i2: 0.5 } });
    expect(outcomeWeightSet(s, { party: "a", issue: "i2", weight: -1, base: {} }).outcomeView.weights).toEqual({ a: { i1: 0.7, i2: 0 } });
    expect(outcomeWeightsReset(s, undefined).outcomeView.weights).toBeNull();
  });

  it("timelineFilterSet changes only what is given", () => {
    const s = timelineFilterSet(s0, { party: "us" });
    expect(s.timelineFilter).toEqual({ party: "us", issue: "", point: "" });
    expect(timelineFilterSet(s, { party: "us" })).toBe(s);
  });
});

describe("room actions", () => {
  const ev = (seq: number) => ({ seq, at: "2026-01-01T00:00:00Z", type: "seat-joined", actor: { role: "engine" }, public: { party: "p" } }) as never;
  it("appends events in seq order without duplicates, and ignores another room's answers", () => {
    let s = roomOpened(s0, { id: "r1", joining: true });
    expect(s.room).toMatchObject({ id: "r1", status: "joining" });
    s = roomEvents(s, { id: "r1", events: [ev(1), ev(2)] });
    const same = roomEvents(s, { id: "r1", events: [ev(2), ev(1)] });
    expect(same).toBe(s);
    s = roomEvents(s, { id: "r1", events: [ev(2), ev(3)] });
    expect(s.room.events.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(roomEvents(s, { id: "r2", events: [ev(4)] })).toBe(s);
    expect(roomLoaded(s, { id: "r2", got: { id: "r2", role: "seat", seq: 0, view: {} as never } })).toBe(s);
    s = roomLoaded(s, { id: "r1", got: { id: "r1", role: "seat", party: "p", seq: 3, view: { status: "open" } as never } });
    expect(s.room).toMatchObject({ status: "ready", role: "seat", party: "p" });
    // Re-opening the same room keeps what is held; a failed room is opened afresh.
    expect(roomOpened(s, { id: "r1", joining: false })).toBe(s);
    const failed = roomFailed(s, { id: "r1", error: "gone", code: "X" });
    expect(roomOpened(failed, { id: "r1", joining: false }).room).toMatchObject({ status: "loading", events: [] });
  });
});
