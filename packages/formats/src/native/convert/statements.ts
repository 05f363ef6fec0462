/**
 * Statements and events, with their sources and subjects (an issue, a framework or one of its
 * points). Each is checked part by part from the raw document, so one broken field does not hide
 * the problems of the others.
 */
import {
  describeValue,
  didYouMean,
  listOf,
  type NegotiationEvent,
  type SourceRef,
  type Statement,
  type StatementSubject,
  type Value,
} from "@parley/core";
import type { Path } from "../problems.js";
import {
  eventSchema,
  sourceSchema,
  statementSchema,
  subjectSchema,
  type EventFile,
  type SourceFile,
  type StatementFile,
  type SubjectFile,
} from "../scenario-schema.js";
import { checkDate, checkIdList, labelText, type Context } from "./context.js";
import { convertValues } from "./issues.js";
import { isObject, pass } from "./salvage.js";

/** A statement's `members`: members of its party, which must be a bloc. */
function statementMembers(raw: readonly unknown[], party: string, path: Path, ctx: Context): string[] | undefined {
  if (!ctx.parties.has(party)) return undefined;
  const known = ctx.members.get(party);
  if (!known) {
    ctx.problems.error("PARLEY_FMT_REFERENCE", path, `Party "${party}" has no members: list them under the party's \`members\`, or remove \`members\` here.`, "key");
    return undefined;
  }
  const ids = raw.filter((x): x is string => typeof x === "string" && x !== "");
  if (ids.length !== raw.length) return undefined;
  return checkIdList(ids, path, ctx, (id, at) => {
    if (known.has(id)) return true;
    ctx.problems.error("PARLEY_FMT_REFERENCE", at, `"${id}" is not a member of party "${party}".${didYouMean(id, [...known])} Members are: ${listOf([...known])}.`);
    return false;
  });
}

/** Whether the framework exists (reporting it when not); null when it exists but is broken. */
function knownFramework(id: string, path: Path, ctx: Context): ReadonlySet<string> | null | undefined {
  const points = ctx.frameworks.get(id);
  if (points !== undefined) return points;
  const ids = [...ctx.frameworks.keys()];
  ctx.problems.error(
    "PARLEY_FMT_REFERENCE",
    path,
    `Unknown framework "${id}".${didYouMean(id, ids)} ${ids.length > 0 ? `Frameworks are: ${listOf(ids)}.` : "Define it under frameworks."}`,
  );
  return undefined;
}

function checkPoint(framework: string, points: ReadonlySet<string> | null, point: string, path: Path, ctx: Context): boolean {
  if (points === null || points.has(point)) return points !== null;
  ctx.problems.error(
    "PARLEY_FMT_REFERENCE",
    path,
    `Framework "${framework}" has no point "${point}".${didYouMean(point, points)} ${points.size > 0 ? `Its points are: ${listOf([...points])}.` : "It has no points."}`,
  );
  return false;
}

/**
 * FRAMEWORK/POINT: the split of `text` at a "/" whose left side names a framework and right side one
 * of its points; failing that, the first split whose left side names a framework (framework ids may contain "/").
 */
function splitPointRef(text: string, ctx: Context): { framework: string; point: string } | undefined {
  let first: { framework: string; point: string } | undefined;
  for (let k = text.indexOf("/"); k > 0; k = text.indexOf("/", k + 1)) {
    const framework = text.slice(0, k);
    const points = ctx.frameworks.get(framework);
    if (points === undefined) continue;
    const ref = { framework, point: text.slice(k + 1) };
    if (points?.has(ref.point)) return ref;
    first ??= ref;
  }
  return first;
}

function convertSubject(file: SubjectFile, path: Path, ctx: Context): StatementSubject | undefined {
  const p = ctx.problems;
  if (typeof file === "string") {
    if (ctx.issues.has(file) || ctx.broken.has(file)) return ctx.issues.has(file) ? { issue: file } : undefined;
    if (ctx.frameworks.has(file)) return { framework: file };
    const ref = splitPointRef(file, ctx);
    if (ref) {
      const points = ctx.frameworks.get(ref.framework)!;
      return checkPoint(ref.framework, points, ref.point, path, ctx) ? ref : undefined;
    }
    const known = [...ctx.issues.keys(), ...ctx.frameworks.keys()];
    p.error(
      "PARLEY_FMT_REFERENCE",
      path,
      `${describeValue(file)} is not an issue, a framework or FRAMEWORK/POINT.${didYouMean(file, known)} Write an issue id, a framework id, or a framework id and a point id joined by "/" (e.g. ${describeValue(`${[...ctx.frameworks.keys()][0] ?? "draft"}/1`)}).`,
    );
    return undefined;
  }
  if (file.values !== undefined && file.issue === undefined) {
    p.error("PARLEY_FMT_SCHEMA", [...path, "values"], "`values` selects values of an issue: add `issue` beside it.", "key");
    return undefined;
  }
  if (file.framework === undefined && file.point === undefined && file.issue === undefined) {
    p.error("PARLEY_FMT_SCHEMA", path, "Say what the statement is about: give `issue`, `framework` (with an optional `point`), or both.");
    return undefined;
  }
  let ok = true;
  let framework = file.framework;
  let point = file.point === undefined ? undefined : labelText(file.point);
  if (framework === undefined && point !== undefined) {
    const ref = splitPointRef(point, ctx);
    if (!ref) {
      p.error(
        "PARLEY_FMT_REFERENCE",
        [...path, "point"],
        `${describeValue(point)} names no framework point: add \`framework\`, or write FRAMEWORK/POINT (e.g. ${describeValue(`${[...ctx.frameworks.keys()][0] ?? "draft"}/1`)}).`,
      );
      ok = false;
    } else ({ framework, point } = ref);
  }
  if (ok && framework !== undefined) {
    const points = knownFramework(framework, [...path, file.framework !== undefined ? "framework" : "point"], ctx);
    if (points === undefined) ok = false;
    else if (point !== undefined && !checkPoint(framework, points, point, [...path, "point"], ctx)) ok = false;
  }
  let values: Value[] | undefined;
  if (file.issue !== undefined) {
    const known = ctx.issue(file.issue, [...path, "issue"], "value");
    if (!known) ok = false;
    else if (file.values !== undefined) {
      values = convertValues(file.values, known, [...path, "values"], ctx);
      if (!values) ok = false;
    }
  }
  if (!ok) return undefined;
  return {
    ...(framework !== undefined && { framework }),
    ...(point !== undefined && { point }),
    ...(file.issue !== undefined && { issue: file.issue }),
    ...(values && { values }),
  };
}

/** The parts of a statement or event that can be checked on their own. */
const isoDate = (x: unknown): string | undefined => (typeof x === "string" && /^\d{4}-\d{2}-\d{2}$/.test(x) ? x : undefined);
const nonEmptyText = (x: unknown): string | undefined => (typeof x === "string" && x !== "" ? x : undefined);

function convertSource(raw: unknown, path: Path, ctx: Context): SourceRef | undefined {
  const date = isObject(raw) ? isoDate(raw.date) : undefined;
  const dateOk = date === undefined || checkDate(date, [...path, "date"], ctx);
  const file = pass<SourceFile>(sourceSchema, raw);
  if (!file || !dateOk) return undefined;
  return {
    outlet: file.outlet,
    ...(file.title !== undefined && { title: file.title }),
    ...(file.url !== undefined && { url: file.url }),
    ...(file.date !== undefined && { date: file.date }),
  };
}

/** The subjects of a raw `about` list, each checked on its own (undefined where one is broken). */
function convertAbout(raw: unknown, path: Path, ctx: Context): (StatementSubject | undefined)[] {
  return (Array.isArray(raw) ? raw : []).map((x, k) => {
    const subject = pass<SubjectFile>(subjectSchema, x);
    return subject === undefined ? undefined : convertSubject(subject, [...path, k], ctx);
  });
}

/** Whether the statement says what stance it takes: `stance` (with `about`) or `claims`, not both. */
function checkStanceForm(parts: Record<string, unknown>, path: Path, ctx: Context): void {
  const p = ctx.problems;
  if (parts.claims !== undefined && parts.stance !== undefined)
    p.error("PARLEY_FMT_SCHEMA", [...path, "claims"], "Give `stance` (with `about`) or `claims`, not both: put the stance in a claim.", "key");
  else if (parts.claims !== undefined && parts.about !== undefined)
    p.error("PARLEY_FMT_SCHEMA", [...path, "about"], "With `claims`, each claim says what it is about: move these subjects into the claims' `about`.", "key");
  else if (parts.claims === undefined && parts.stance === undefined)
    p.error(
      "PARLEY_FMT_SCHEMA",
      path,
      "Give the statement's `stance` (accept, reject, partial, conditional, deny or process), or `claims`: a list of {stance, about}.",
    );
}

/** A statement (raw, as parsed): every part that has the right shape is checked, whether or not the rest does. */
export function convertStatement(raw: unknown, path: Path, ctx: Context): Statement | undefined {
  const before = ctx.problems.errorCount;
  const parts = isObject(raw) ? raw : {};
  const date = isoDate(parts.date);
  if (date !== undefined) checkDate(date, [...path, "date"], ctx);
  const party = nonEmptyText(parts.party);
  if (party !== undefined) ctx.party(party, [...path, "party"]);
  if (isObject(raw)) checkStanceForm(parts, path, ctx);
  const about = convertAbout(parts.about, [...path, "about"], ctx);
  const claimsAbout = (Array.isArray(parts.claims) ? parts.claims : []).map((c, k) =>
    convertAbout(isObject(c) ? c.about : undefined, [...path, "claims", k, "about"], ctx),
  );
  const members = party !== undefined && Array.isArray(parts.members) ? statementMembers(parts.members, party, [...path, "members"], ctx) : undefined;
  const source = convertSource(parts.source, [...path, "source"], ctx);
  const file = pass<StatementFile>(statementSchema, raw);
  if (!file || !source || ctx.problems.errorCount > before) return undefined;
  const claims = file.claims?.map((c, k) => ({ stance: c.stance, about: claimsAbout[k] as StatementSubject[] }));
  return {
    id: file.id,
    date: file.date,
    speaker: file.speaker,
    ...(file.voice !== undefined && { voice: file.voice }),
    party: file.party,
    ...(members !== undefined && { members }),
    paraphrase: file.paraphrase,
    about: claims ? claims.flatMap((c) => c.about) : (about as StatementSubject[]),
    stance: claims ? claims[0]!.stance : file.stance!,
    ...(claims && { claims }),
    source,
    confidence: file.confidence,
  };
}

/** An event (raw, as parsed): every part that has the right shape is checked, whether or not the rest does. */
export function convertEvent(raw: unknown, path: Path, ctx: Context): NegotiationEvent | undefined {
  const p = ctx.problems;
  const before = p.errorCount;
  const parts = isObject(raw) ? raw : {};
  const date = isoDate(parts.date);
  const endDate = isoDate(parts.endDate);
  const dateOk = date !== undefined && checkDate(date, [...path, "date"], ctx);
  if (endDate !== undefined && checkDate(endDate, [...path, "endDate"], ctx) && dateOk && endDate < date)
    p.error("PARLEY_FMT_VALUE", [...path, "endDate"], `The event ends (${endDate}) before it starts (${date}); fix date or endDate.`);
  const seen = new Map<string, number>();
  (Array.isArray(parts.participants) ? parts.participants : []).forEach((x, k) => {
    const party = nonEmptyText(x);
    if (party === undefined) return;
    const twin = seen.get(party);
    if (twin !== undefined)
      p.error("PARLEY_FMT_DUPLICATE", [...path, "participants", k], `Party "${party}" is listed twice (also as participants[${twin}]); list it once.`);
    else {
      seen.set(party, k);
      ctx.party(party, [...path, "participants", k]);
    }
  });
  const framework = nonEmptyText(parts.framework);
  if (framework !== undefined) knownFramework(framework, [...path, "framework"], ctx);
  const source = convertSource(parts.source, [...path, "source"], ctx);
  const file = pass<EventFile>(eventSchema, raw);
  if (!file || !source || p.errorCount > before) return undefined;
  return {
    id: file.id,
    date: file.date,
    ...(file.endDate !== undefined && { endDate: file.endDate }),
    kind: file.kind,
    title: file.title,
    ...(file.description !== undefined && { description: file.description }),
    participants: [...(file.participants ?? [])],
    ...(file.place !== undefined && { place: file.place }),
    ...(file.framework !== undefined && { framework: file.framework }),
    source,
    confidence: file.confidence,
  };
}
