/**
 * File shape → core Scenario, checking everything the schema cannot: references to issues and
 * options, duplicates, ranges. Every problem is reported; the Scenario is returned only when there
 * were no errors.
 *
 * When the file failed the schema, the parts that did pass (each issue, party and framework on its
 * own) are still checked, so one run reports as many problems as possible. References to an issue
 * that exists but is itself broken are not reported again.
 */
import type { Framework, Issue, NegotiationEvent, Party, Reading, Scenario, Statement } from "@parley/core";
import type { Problems } from "../problems.js";
import { issueSchema, readingSchema, type IssueFile, type ReadingFile, type ScenarioFile } from "../scenario-schema.js";
import { checkIdList, Context, UniqueIds } from "./context.js";
import { convertFramework } from "./frameworks.js";
import { convertIssue } from "./issues.js";
import { convertPreferences } from "./preferences.js";
import { convertReading } from "./readings.js";
import { frameworkIn, idOf, isObject, listAt, partyIn, pass } from "./salvage.js";
import { convertEvent, convertStatement } from "./statements.js";

/**
 * Convert a scenario file to the core model. `parsed` is the schema-checked file, or undefined
 * when the schema found problems (then `raw`, the plain parsed document, is salvaged).
 */
export function scenarioFromFile(raw: unknown, parsed: ScenarioFile | undefined, problems: Problems): Scenario | undefined {
  const before = problems.errorCount;
  const issuesIn = parsed ? parsed.issues : listAt(raw, "issues").map((x) => pass<IssueFile>(issueSchema, x));
  const partiesIn = parsed ? parsed.parties.map(partyIn) : listAt(raw, "parties").map(partyIn);
  const frameworksIn = parsed ? (parsed.frameworks ?? []).map(frameworkIn) : listAt(raw, "frameworks").map(frameworkIn);
  // Issues that exist but failed the schema: references to them are not reported.
  const broken = new Set<string>();
  if (!parsed)
    listAt(raw, "issues").forEach((x, i) => {
      const id = isObject(x) && (typeof x.id === "string" || typeof x.id === "number") ? String(x.id) : undefined;
      if (issuesIn[i] === undefined && id !== undefined) broken.add(id);
    });
  const ctx = new Context(problems, broken);
  // Party ids (and blocs' members) are known up front: issues name their controlling parties.
  for (const p of partiesIn) {
    if (p.id !== undefined) ctx.parties.add(p.id);
    if (p.id !== undefined && p.file?.members && !ctx.members.has(p.id)) ctx.members.set(p.id, new Set(p.file.members));
  }
  // Statement ids are known up front: provenance (in parties) cites statements listed later in the file.
  for (const x of listAt(raw, "statements")) {
    const id = idOf(x);
    if (id !== undefined) ctx.statements.add(id);
  }

  const issues: Issue[] = [];
  const issueIds = new UniqueIds(problems, { name: "issues", noun: "issue" });
  issuesIn.forEach((file, i) => {
    if (!file) return;
    const path = ["issues", i];
    if (!issueIds.claim(file.id, i, path)) return;
    const controlledOk = !file.controlledBy || checkIdList(file.controlledBy, [...path, "controlledBy"], ctx, (id, at) => ctx.party(id, at));
    const issue = controlledOk ? convertIssue(file, path, problems) : undefined;
    if (issue) {
      issues.push(issue);
      ctx.addIssue(issue);
    } else ctx.broken.add(file.id);
  });

  const parties: Party[] = [];
  /** Party id → the converted party (undefined when it is broken), for the readings. */
  const partyById = new Map<string, Party | undefined>();
  const partyIds = new UniqueIds(problems, { name: "parties", noun: "party" });
  partiesIn.forEach((p, i) => {
    const path = ["parties", i];
    if (p.id !== undefined) {
      if (!partyById.has(p.id)) partyById.set(p.id, undefined);
      partyIds.claim(p.id, i, path);
    }
    const members = p.file?.members && checkIdList(p.file.members, [...path, "members"], ctx);
    const preferences = p.preferences && convertPreferences(p.preferences, [...path, "preferences"], ctx);
    const file = p.file;
    if (!file || (file.members && !members)) return;
    const party: Party = {
      id: file.id,
      name: file.name ?? file.id,
      role: file.role ?? "party",
      ...(file.description !== undefined && { description: file.description }),
      ...(members && { members }),
    };
    const converted = preferences ? { ...party, preferences } : party;
    parties.push(converted);
    // A party whose preferences are broken is not offered to the readings (their references are not checked).
    if (!p.preferences || preferences) partyById.set(file.id, partyById.get(file.id) ?? converted);
  });

  const frameworks: Framework[] = [];
  const frameworkIds = new UniqueIds(problems, { name: "frameworks", noun: "framework" });
  frameworksIn.forEach((f, i) => {
    const path = ["frameworks", i];
    if (f.id !== undefined) frameworkIds.claim(f.id, i, path);
    const framework = convertFramework(f, path, ctx);
    if (framework) frameworks.push(framework);
  });

  // Statements and events are checked part by part, so that one broken field does not hide the others' problems.
  const statements: Statement[] = [];
  const statementIds = new UniqueIds(problems, { name: "statements", noun: "statement" });
  listAt(raw, "statements").forEach((x, i) => {
    const path = ["statements", i];
    const id = idOf(x);
    if (id !== undefined) statementIds.claim(id, i, path);
    const statement = convertStatement(x, path, ctx);
    if (statement) statements.push(statement);
  });

  const events: NegotiationEvent[] = [];
  const eventIds = new UniqueIds(problems, { name: "events", noun: "event" });
  listAt(raw, "events").forEach((x, i) => {
    const path = ["events", i];
    const id = idOf(x);
    if (id !== undefined) eventIds.claim(id, i, path);
    const event = convertEvent(x, path, ctx);
    if (event) events.push(event);
  });

  const readings: Reading[] = [];
  const readingIds = new UniqueIds(problems, { name: "readings", noun: "reading" });
  const readingsIn = parsed ? (parsed.readings ?? []) : listAt(raw, "readings").map((x) => pass<ReadingFile>(readingSchema, x));
  readingsIn.forEach((file, i) => {
    if (!file) return;
    const path = ["readings", i];
    readingIds.claim(file.id, i, path);
    const reading = convertReading(file, path, ctx, partyById);
    if (reading) readings.push(reading);
  });

  if (!parsed || problems.errorCount > before) return undefined;
  return {
    id: parsed.id,
    name: parsed.name,
    ...(parsed.description !== undefined && { description: parsed.description }),
    issues,
    parties,
    frameworks,
    ...(parsed.statements !== undefined && { statements }),
    ...(parsed.events !== undefined && { events }),
    ...(parsed.readings !== undefined && { readings }),
  };
}
