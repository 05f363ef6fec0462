import { ParleyError } from "../errors.js";
import type { Framework, FrameworkPoint } from "../model/framework.js";
import type { Value } from "../model/issue.js";
import type { CompiledScenario } from "../space/compile-scenario.js";
import { issueValueIndex } from "../space/issue-values.js";
import { didYouMean } from "../text/suggest.js";

/** One issue a point sets, as indices: the issue's position and the option index. */
export interface PointSetting {
  readonly issue: number;
  readonly value: number;
}

export interface SettledPoint {
  readonly point: FrameworkPoint;
  /** The point's own settings (what it says, even when a later point overrides it). */
  readonly settings: readonly PointSetting[];
}

/** A framework resolved against the outcome space, with the same rules as `evaluateFramework`. */
export interface Settlement {
  readonly framework: Framework;
  /** Effective option index per issue, −1 when open. When points clash, the later point (by number) counts. */
  readonly fixed: Int32Array;
  /** Per issue: the index into `points` of the point whose setting counts, −1 when open. */
  readonly setBy: Int32Array;
  /** The points in number order. */
  readonly points: readonly SettledPoint[];
}

/** The framework with this id; throws PARLEY_ERR_UNKNOWN_FRAMEWORK (suggesting the closest, listing the known ids) otherwise. */
export function findFramework(compiled: CompiledScenario, id: string): Framework {
  const scenario = compiled.scenario;
  const f = scenario.frameworks.find((fw) => fw.id === id);
  if (!f) {
    const ids = scenario.frameworks.map((fw) => fw.id);
    const hint = didYouMean(id, ids);
    throw new ParleyError(
      "PARLEY_ERR_UNKNOWN_FRAMEWORK",
      `scenario "${scenario.id}" has no framework "${id}"${ids.length ? `; frameworks: ${ids.join(", ")}` : ""}${hint && `.${hint}`}`,
    );
  }
  return f;
}

/** A framework given by id or as data. */
export function resolveFramework(compiled: CompiledScenario, framework: Framework | string): Framework {
  return typeof framework === "string" ? findFramework(compiled, framework) : framework;
}

/** Resolve a framework's points to option indices. Throws on unknown issues or values, as evaluateFramework does. */
export function settleFramework(compiled: CompiledScenario, framework: Framework): Settlement {
  const n = compiled.issues.length;
  const fixed = new Int32Array(n).fill(-1);
  const setBy = new Int32Array(n).fill(-1);
  const position = new Map(compiled.issues.map((issue, i) => [issue.id, i] as const));
  const sorted = [...framework.points].sort((a, b) => a.number - b.number);
  const points = sorted.map((point, p): SettledPoint => {
    const settings = Object.entries(point.sets).map(([issueId, value]): PointSetting => {
      const i = position.get(issueId);
      if (i === undefined)
        throw new ParleyError("PARLEY_ERR_UNKNOWN_ISSUE", `framework "${framework.id}" point ${point.number} sets unknown issue "${issueId}"`);
      const k = issueValueIndex(compiled.issues[i]!, value);
      if (k < 0)
        throw new ParleyError(
          "PARLEY_ERR_UNKNOWN_VALUE",
          `framework "${framework.id}" point ${point.number} sets issue "${issueId}" to "${String(value)}", which is not one of its values`,
        );
      fixed[i] = k;
      setBy[i] = p;
      return { issue: i, value: k };
    });
    return { point, settings };
  });
  return { framework, fixed, setBy, points };
}

/**
 * One change to a framework: the point numbered `point` now sets `issue` to `to` (it set it to
 * `from`), or — when `point` is null — a setting `issue = to` is added for an issue the framework
 * leaves open (`from` is then null).
 */
export interface SettingChange {
  readonly issue: string;
  readonly point: number | null;
  /**
   * Every point rewritten: `point` and the other points that set `issue` to the same value `from`
   * (so that the amended framework does not contradict itself). Empty for an added setting.
   * When absent, `point` alone.
   */
  readonly points?: readonly number[];
  readonly from: Value | null;
  readonly to: Value;
}

/**
 * The framework with the changes applied: changed settings are rewritten in their points;
 * settings for open issues are gathered in one new point numbered after the last one.
 */
export function applyChanges(framework: Framework, changes: readonly SettingChange[]): Framework {
  const byPoint = new Map<number, SettingChange[]>();
  const added: SettingChange[] = [];
  for (const c of changes) {
    if (c.point === null) added.push(c);
    else for (const number of new Set([c.point, ...(c.points ?? [])])) byPoint.set(number, [...(byPoint.get(number) ?? []), c]);
  }
  // When two points share a number, the one that sorts last is the one whose setting counts.
  const lastWithNumber = new Map<number, FrameworkPoint>();
  for (const p of [...framework.points].sort((a, b) => a.number - b.number)) lastWithNumber.set(p.number, p);
  const points: FrameworkPoint[] = framework.points.map((p) => {
    const mine = lastWithNumber.get(p.number) === p ? byPoint.get(p.number) : undefined;
    if (!mine) return p;
    const sets: Record<string, Value> = { ...p.sets };
    for (const c of mine) sets[c.issue] = c.to;
    return { ...p, sets };
  });
  if (added.length > 0) {
    const number = Math.max(0, ...framework.points.map((p) => p.number)) + 1;
    const ids = new Set(framework.points.map((p) => p.id));
    let id = "amendment";
    for (let k = 2; ids.has(id); k++) id = `amendment-${k}`;
    points.push({
      id,
      number,
      text: `Amendment: ${added.map((c) => `${c.issue} = ${String(c.to)}`).join("; ")}.`,
      sets: Object.fromEntries(added.map((c) => [c.issue, c.to])),
    });
  }
  return { ...framework, points };
}
