/**
 * The context of a conversion: the problems found so far and the ids every part may refer to
 * (issues with their values, parties, frameworks with their points, statements). Looking a
 * reference up reports it when it is unknown, with a suggestion.
 */
import { describeValue, didYouMean, issueValueIndex, issueValues, listOf, type Issue, type Value } from "@parley/core";
import type { Path, Problems } from "../problems.js";
import type { LabelFile } from "../scenario-schema.js";

/** An issue that converted, with its discrete values. */
export interface KnownIssue {
  readonly issue: Issue;
  /** The discrete values (issueValues). */
  readonly values: readonly Value[];
  /** Categorical issues: option label → position, so that every lookup is O(1) (issues may have 10^5+ options). */
  readonly positions: ReadonlyMap<string, number> | null;
}

/** Text of a label: numbers are read as text where an option label is expected. */
export const labelText = (v: LabelFile): string => (typeof v === "number" ? String(v) : v);

/** What one conversion knows so far: the problems, and every id a part of the file may refer to. */
export class Context {
  readonly issues = new Map<string, KnownIssue>();
  /** Party ids (including parties that are otherwise broken). */
  readonly parties = new Set<string>();
  /** Framework id → its point ids; null for a framework that is broken (references into it are not reported). */
  readonly frameworks = new Map<string, ReadonlySet<string> | null>();
  /** Statement ids listed in the file (including broken statements). */
  readonly statements = new Set<string>();
  /** Party id → its members, for the parties that are blocs. */
  readonly members = new Map<string, ReadonlySet<string>>();

  constructor(
    readonly problems: Problems,
    /** Ids of issues that exist but are broken: references to them are not reported. */
    readonly broken: Set<string>,
  ) {}

  addIssue(issue: Issue): void {
    const positions = issue.kind === "categorical" ? new Map(issue.options.map((o, k) => [o, k] as const)) : null;
    this.issues.set(issue.id, { issue, values: issueValues(issue), positions });
  }

  /** The issue with this id, reporting an unknown reference at `path` (the key). */
  issue(id: string, path: Path, at: "key" | "value" = "key"): KnownIssue | undefined {
    const known = this.issues.get(id);
    if (known) return known;
    if (this.broken.has(id)) return undefined;
    const ids = [...this.issues.keys(), ...this.broken];
    this.problems.error(
      "PARLEY_FMT_REFERENCE",
      path,
      `Unknown issue "${id}".${didYouMean(id, ids)} ${ids.length > 0 ? `Issues are: ${listOf(ids)}.` : "Define it under issues."}`,
      at,
    );
    return undefined;
  }

  /** Whether the party exists, reporting an unknown one at `path`. */
  party(id: string, path: Path): boolean {
    if (this.parties.has(id)) return true;
    const ids = [...this.parties];
    this.problems.error(
      "PARLEY_FMT_REFERENCE",
      path,
      `Unknown party "${id}".${didYouMean(id, ids)} ${ids.length > 0 ? `Parties are: ${listOf(ids)}.` : "Define it under parties."}`,
    );
    return false;
  }

  /** The position of a value among the issue's discrete values, or -1. */
  indexOf(known: KnownIssue, value: Value): number {
    if (known.positions) return typeof value === "string" ? (known.positions.get(value) ?? -1) : -1;
    return issueValueIndex(known.issue, value);
  }

  /** The model value of `v` for the issue, reporting it when it is not one of the issue's values. */
  value(known: KnownIssue, v: LabelFile, path: Path, at: "key" | "value" = "value"): Value | undefined {
    const issue = known.issue;
    if (issue.kind === "categorical") {
      const label = labelText(v);
      if (known.positions?.has(label)) return label;
      this.problems.error(
        "PARLEY_FMT_REFERENCE",
        path,
        `${describeValue(label)} is not an option of issue "${issue.id}".${didYouMean(label, issue.options)} Options are: ${listOf(issue.options)}.`,
        at,
      );
      return undefined;
    }
    if (typeof v !== "number") {
      this.problems.error(
        "PARLEY_FMT_VALUE",
        path,
        `Issue "${issue.id}" is numeric: write a number from ${issue.min} to ${issue.max}, not ${describeValue(v)}.`,
        at,
      );
      return undefined;
    }
    if (this.indexOf(known, v) >= 0) return v;
    this.problems.error("PARLEY_FMT_VALUE", path, `${v} is not a value of issue "${issue.id}"; ${describeValues(issue)}.`, at);
    return undefined;
  }
}

/** What the values of an issue are, for a message: its options, its whole-number range or its grid. */
export function describeValues(issue: Issue): string {
  switch (issue.kind) {
    case "categorical":
      return `options are: ${listOf(issue.options)}`;
    case "integer":
      return `use a whole number from ${issue.min} to ${issue.max}`;
    case "real":
      return `use a value of its grid ${issue.min}, ${issue.min + issue.step}, …, ${issue.max} (min, min + step, …, max)`;
  }
}

function validDate(date: string): boolean {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

/** Whether `date` (written YYYY-MM-DD) is a real calendar date; reports it at `path` when not. */
export function checkDate(date: string, path: Path, ctx: Context): boolean {
  if (validDate(date)) return true;
  ctx.problems.error("PARLEY_FMT_VALUE", path, `${describeValue(date)} is not a calendar date; write a real date as YYYY-MM-DD.`);
  return false;
}

/**
 * The ids used so far in one list of the file (`issues`, `parties`, …): the second use of an id
 * is reported at its `id` field.
 */
export class UniqueIds {
  private readonly first = new Map<string, number>();

  constructor(
    private readonly problems: Problems,
    private readonly list: { readonly name: string; readonly noun: string; readonly scope?: string },
  ) {}

  /** True when `id` is new (recorded as item `i`); false, reporting a duplicate at `path`, when an earlier item has it. */
  claim(id: string, i: number, path: Path): boolean {
    const seen = this.first.get(id);
    if (seen === undefined) {
      this.first.set(id, i);
      return true;
    }
    const { name, noun, scope = "" } = this.list;
    this.problems.error(
      "PARLEY_FMT_DUPLICATE",
      [...path, "id"],
      `${noun[0]!.toUpperCase()}${noun.slice(1)} id "${id}" is already used by ${name}[${seen}]${scope}; give each ${noun} its own id.`,
    );
    return false;
  }
}

/**
 * A list of ids (`controlledBy`, `authoredBy`, `members`, …): each listed once, and each known to
 * `check` (which reports an unknown one). The list, or undefined when something was reported.
 */
export function checkIdList(
  ids: readonly string[],
  path: Path,
  ctx: Context,
  check: (id: string, path: Path) => boolean = () => true,
): string[] | undefined {
  const seen = new Map<string, number>();
  let ok = true;
  ids.forEach((id, k) => {
    const twin = seen.get(id);
    if (twin !== undefined) {
      ok = false;
      ctx.problems.error("PARLEY_FMT_DUPLICATE", [...path, k], `"${id}" is listed twice (also at position ${twin + 1}); list it once.`);
    } else {
      seen.set(id, k);
      if (!check(id, [...path, k])) ok = false;
    }
  });
  return ok ? [...ids] : undefined;
}
