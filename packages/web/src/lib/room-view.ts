// Pure helpers of the room consoles: what an event says in words, whose turn it is, and packages
// (complete assignments issue → value) built from a framework or edited point by point.
import type { Framework, Issue, Value } from "@parley/core";
import type { RoomEvent, RoomView } from "../api/types.js";

export type Package = Readonly<Record<string, Value>>;

const actorName = (e: RoomEvent): string => {
  const a = e.actor;
  return a.role === "seat" ? a.party : a.role;
};

/** One line per event, from its public part (and the private part when this session may read it). */
export function describeEvent(e: RoomEvent): string {
  const p = e.public as Record<string, unknown>;
  switch (e.type) {
    case "room-created":
      return "Room created";
    case "seat-joined":
      return `${String(p["party"])} joined`;
    case "preferences-submitted":
      return `${String(p["party"])} submitted its preferences`;
    case "room-started":
      return `The room started${p["deadlineAt"] ? ` (deadline ${String(p["deadlineAt"])})` : ""}`;
    case "draft-published":
      return `Draft ${String(p["draft"])} published by the ${String(p["by"])}`;
    case "draft-rated":
      return `${String(p["party"])} rated draft ${String(p["draft"])}`;
    case "draft-decided":
      return `Draft ${String(p["draft"])} ${p["adopted"] ? "became the text" : "was not adopted"}`;
    case "offer":
      return p["package"] ? `${String(p["party"])} offered a package` : `The mediator consulted ${String(p["party"])}`;
    case "response":
      return `${String(p["party"])} ${p["response"] ? `answered ${String(p["response"])}` : "answered"}`;
    case "shuttle-message":
      return `Message from ${String(p["from"])} to ${String(p["to"])}`;
    case "ratification-called":
      return "Ratification called";
    case "ratified":
      return `${String(p["party"])} voted ${String(p["vote"])} at ratification`;
    case "agreement":
      return "Agreement";
    case "no-agreement":
      return `No agreement (${String(p["reason"])})`;
    case "improvement-proposed":
      return "An improvement every seat may prefer was proposed";
    case "improvement-voted":
      return `${String(p["party"])} voted on the improvement`;
    case "improvement-decided":
      return `The improvement was ${p["adopted"] ? "adopted" : "not adopted"}`;
    case "feedback":
      return `Feedback on draft ${String(p["draft"])}`;
    case "room-closed":
      // The default reason ("closed by the convener") says nothing more.
      return `Closed by the ${actorName(e)}${p["reason"] && p["reason"] !== `closed by the ${actorName(e)}` ? `: ${String(p["reason"])}` : ""}`;
    default:
      return `${e.type} by ${actorName(e)}`;
  }
}

/** Whose turn it is, in words. */
export function describeTurn(view: RoomView, party: string | null): string {
  const { parties, mediator } = view.turn;
  if (mediator) return view.mediator === "human" ? "The mediator's turn" : "The engine mediator is drafting";
  if (parties.length === 0) return view.status === "open" ? "Waiting for the room to start" : "Nobody's turn";
  const names = parties.map((p) => (p === party ? "you" : p));
  return `Waiting for ${names.join(", ")}`;
}

/** Whether this session must answer now (a notice in the console). */
export function needsAnswer(view: RoomView, role: string | null, party: string | null): boolean {
  if (role === "mediator") return view.turn.mediator && view.mediator === "human";
  return role === "seat" && party !== null && view.turn.parties.includes(party);
}

/** The first value of an issue (its first option, or its minimum). */
export const firstValue = (issue: Issue): Value => (issue.kind === "categorical" ? issue.options[0]! : issue.min);

/** A complete package: `base` where it sets an issue, else the issue's first value. */
export function completePackage(issues: readonly Issue[], base: Package | null | undefined): Package {
  const out: Record<string, Value> = {};
  for (const issue of issues) out[issue.id] = base?.[issue.id] ?? firstValue(issue);
  return out;
}

/** `base` with every issue a framework's points set changed to their value. */
export function applyFramework(issues: readonly Issue[], base: Package, framework: Framework): Package {
  const out: Record<string, Value> = { ...completePackage(issues, base) };
  for (const point of framework.points) for (const [issue, value] of Object.entries(point.sets)) if (issue in out) out[issue] = value;
  return out;
}

/** A value as shown (numbers as they are, options by their label). */
export const showValue = (v: Value | undefined): string => (v === undefined ? "—" : String(v));

/** A utility or score in [0, 1] as a percentage. */
export const pct = (x: number | undefined | null): string => (x === undefined || x === null ? "—" : `${Math.round(x * 100)}%`);
