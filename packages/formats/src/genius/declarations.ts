// Reading GENIUS issue declarations (`<issue>` elements), shared by domain and profile files.
import type { GeniusReport } from "./report.js";
import { childNamed, type XmlElement } from "./xml-tree.js";

export type GeniusIssueType = "discrete" | "integer" | "real";

/** An `<issue>` element as declared: its number, name, type and values or bounds. */
export interface DeclaredIssue {
  readonly el: XmlElement;
  readonly index: number | undefined;
  readonly name: string | undefined;
  readonly type: GeniusIssueType;
  /** Discrete issues: the item values, with the item elements (duplicates included). */
  readonly items: readonly { readonly value: string; readonly el: XmlElement }[];
  /** Integer and real issues: the bounds, when readable. */
  readonly lower?: number;
  readonly upper?: number;
}

/** The issues, weights and objectives found under a container, in document (pre-)order. */
export interface Scope {
  readonly issues: readonly XmlElement[];
  readonly weights: readonly XmlElement[];
  /** Objectives below the container's own objective(s): GENIUS hierarchies, flattened here. */
  readonly nestedObjectives: readonly XmlElement[];
  /** Every objective element, with its index attribute. */
  readonly objectives: readonly XmlElement[];
}

/**
 * Walk `container` (a `<utility_space>`) the way GENIUS enumerates issues: depth-first through
 * `<objective>` elements, issues in document order. Issues may also sit directly in the container.
 */
export function collectScope(container: XmlElement): Scope {
  const issues: XmlElement[] = [];
  const weights: XmlElement[] = [];
  const objectives: XmlElement[] = [];
  const nestedObjectives: XmlElement[] = [];
  const walk = (el: XmlElement, depth: number): void => {
    for (const child of el.children) {
      if (child.name === "issue") issues.push(child);
      else if (child.name === "weight") weights.push(child);
      else if (child.name === "objective") {
        objectives.push(child);
        if (depth >= 1) nestedObjectives.push(child);
        walk(child, depth + 1);
      }
    }
  };
  walk(container, 0);
  return { issues, weights, nestedObjectives, objectives };
}

const issueTypes: readonly GeniusIssueType[] = ["discrete", "integer", "real"];

/** The issue's type from its `vtype`, `type` or `etype` attribute (first one present); discrete by default, as in GENIUS. */
export function declaredIssueType(el: XmlElement, report: GeniusReport): GeniusIssueType | undefined {
  const found: { attr: string; value: string }[] = [];
  for (const attr of ["vtype", "type", "etype"]) {
    const raw = el.attrs[attr];
    if (raw === undefined || raw.trim() === "") continue;
    const value = raw.trim().toLowerCase();
    if (!(issueTypes as readonly string[]).includes(value)) {
      report.error(
        "PARLEY_FMT_GENIUS",
        el,
        `issue type ${attr}="${raw}" is not supported; GENIUS issues are discrete, integer or real`,
        attr,
      );
      return undefined;
    }
    found.push({ attr, value });
  }
  if (found.length === 0) return "discrete";
  const first = found[0]!;
  const other = found.find((f) => f.value !== first.value);
  if (other)
    report.warning(
      "PARLEY_FMT_GENIUS",
      el,
      `conflicting issue types ${first.attr}="${first.value}" and ${other.attr}="${other.value}"; using ${first.value}`,
      other.attr,
    );
  return first.value as GeniusIssueType;
}

/** Read one `<issue>` declaration. Problems go to `report`; the result carries what could be read. */
export function readDeclaredIssue(
  el: XmlElement,
  report: GeniusReport,
  options: { optionalBounds?: boolean } = {},
): DeclaredIssue | undefined {
  const type = declaredIssueType(el, report);
  if (type === undefined) return undefined;
  const index = report.number(el, "index", "the issue number", { integer: true });
  const rawName = el.attrs["name"];
  const name = rawName !== undefined && rawName !== "" ? rawName : undefined;
  if (type === "discrete") {
    const items: { value: string; el: XmlElement }[] = [];
    for (const item of el.children) {
      if (item.name !== "item") continue;
      const value = item.attrs["value"];
      if (value === undefined) {
        report.error("PARLEY_FMT_GENIUS", item, `<item> needs a value="…" attribute`);
        continue;
      }
      items.push({ value, el: item });
    }
    return { el, index, name, type, items };
  }
  // Bounds: attributes on the issue (GENIUS 5+), or a <range> child (older files).
  const range = childNamed(el, "range");
  const boundsEl = el.attrs["lowerbound"] !== undefined || !range ? el : range;
  const integer = type === "integer";
  const what = `the ${type} issue's bounds`;
  const optional = options.optionalBounds === true;
  const lower = report.number(boundsEl, "lowerbound", what, { integer, optional });
  const upper = report.number(boundsEl, "upperbound", what, { integer, optional });
  if (lower !== undefined && upper !== undefined && lower > upper) {
    report.error("PARLEY_FMT_VALUE", boundsEl, `lowerbound ${lower} is above upperbound ${upper}`, "lowerbound");
  }
  return {
    el,
    index,
    name,
    type,
    items: [],
    ...(lower !== undefined ? { lower } : {}),
    ...(upper !== undefined ? { upper } : {}),
  };
}
