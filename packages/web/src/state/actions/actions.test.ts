import { describe, expect, it } from "vitest";
import type { RunResultJson, TournamentJson } from "../../api/types.js";
import { initialState, type AppState } from "../app-state.js";
import { importFailed, importStarted, importSucceeded } from "./import.js";
import { replayLoaded, replaySeek, replayStep, replayTicked, replayToggled } from "./replay.js";
import { resourceFailed, resourceLoaded, resourceRequested, resourcesInvalidated } from "./resources.js";
import { simulationAccepted, simulationStarting, simulationUpdated } from "./simulation.js";
import { tournamentAccepted, tournamentStarting, tournamentUpdated } from "./tournament.js";
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

  it("simulationUpdated loads a finished run into the replay, with its metrics", () => {
    let s = simulationStarting(s0, { scenarioId: "x" });
    s = simulationAccepted(s, { id: "sim1" });
    expect(simulationUpdated(s, { id: "other", job: { status: "done", result } })).toBe(s);
    expect(simulationUpdated(s, { id: "sim1", job: { status: "running", result: null } })).toBe(s);
    const done = simulationUpdated(s, { id: "sim1", job: { status: "done", result } });
    expect(done.simulation).toMatchObject({ status: "done", metrics: { paretoDistance: 0.1, nashDistance: 0.2 }, origin: "form" });
    expect(done.replay).toMatchObject({ length: 2, step: 2 });
    const failed = simulationUpdated(s, { id: "sim1", job: { status: "failed", result: null, error: { code: "X", message: "boom" } } });
    expect(failed.simulation).toMatchObject({ status: "failed", error: "boom" });
  });
});

describe("tournament actions", () => {
  it("tournamentUpdated follows progress, then takes the results", () => {
    let s = tournamentAccepted(tournamentStarting(s0, undefined), { id: "t" });
    const running: TournamentJson = { status: "running", progress: { done: 2, total: 6 }, results: null };
    s = tournamentUpdated(s, { id: "t", job: running });
    expect(s.tournament.progress).toEqual({ done: 2, total: 6 });
    const results = { runs: [], scores: { competitors: [{ competitor: "boulware", meanUtility: 0.6, agreementRate: 1 }] } };
    s = tournamentUpdated(s, { id: "t", job: { status: "done", progress: { done: 6, total: 6 }, results } });
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
