// The tournament config file (YAML or JSON): zod schema, and every problem with its line and column.
import { describeValue, didYouMean } from "@parley/core";
import type { FormatIssue } from "@parley/formats";
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from "yaml";
import { z } from "zod";

export const tournamentConfigSchema = z.strictObject({
  competitors: z.array(z.string().min(1)).min(1),
  scenarios: z.array(z.union([z.string().min(1), z.strictObject({ path: z.string().min(1), seats: z.array(z.string().min(1)).min(1).optional() })])).min(1),
  protocol: z.enum(["sao", "stacked"]).default("sao"),
  rounds: z.number().int().positive().default(100),
  repetitions: z.number().int().positive().default(1),
  rotate: z.boolean().default(true),
  selfPlay: z.boolean().default(false),
  seed: z.number().int().min(0).max(0xffffffff).default(1),
  timeLimitMs: z.number().positive().default(60_000),
});

export type TournamentConfig = z.output<typeof tournamentConfigSchema>;

type Path = readonly (string | number)[];

/** 1-based line and column of the node at `path` (its key with `at: "key"`); the deepest existing node otherwise. */
export function locateInYaml(doc: Document, lines: LineCounter, path: Path, at: "key" | "value" = "value"): { line: number; column: number } {
  let node: unknown = doc.contents;
  let offset: number | undefined = (node as Node | null)?.range?.[0];
  for (let i = 0; i < path.length; i++) {
    const step = path[i]!;
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(step));
      if (!pair) break;
      const key = pair.key as Node;
      if (i === path.length - 1 && at === "key") {
        offset = key.range?.[0];
        break;
      }
      node = pair.value;
      offset = (pair.value as Node | null)?.range?.[0] ?? key.range?.[0];
    } else if (isSeq(node) && typeof step === "number" && node.items[step] != null) {
      node = node.items[step];
      offset = (node as Node).range?.[0];
    } else break;
  }
  if (offset === undefined) return { line: 1, column: 1 };
  const p = lines.linePos(offset);
  return { line: p.line, column: p.col };
}

export type ConfigResult =
  | { readonly ok: true; readonly config: TournamentConfig; readonly locate: (path: Path) => { line: number; column: number } }
  | { readonly ok: false; readonly issues: readonly FormatIssue[] };

/** Parse and check a tournament config. Never throws on bad input. */
export function parseTournamentConfig(text: string, file: string): ConfigResult {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, logLevel: "error" });
  const issue = (code: FormatIssue["code"], path: Path, message: string, at: "key" | "value" = "value"): FormatIssue => ({
    code,
    file,
    ...locateInYaml(doc, lines, path, at),
    path,
    message,
    severity: "error",
  });
  if (doc.errors.length > 0)
    return {
      ok: false,
      issues: doc.errors.map((e) => ({
        code: e.code === "DUPLICATE_KEY" ? "PARLEY_FMT_DUPLICATE" : "PARLEY_FMT_SYNTAX",
        file,
        ...(e.linePos?.[0] ? { line: e.linePos[0].line, column: e.linePos[0].col } : {}),
        path: [],
        message: e.code === "DUPLICATE_KEY" ? "This key appears twice; remove one." : `YAML syntax error: ${e.message.split("\n")[0]}`,
        severity: "error" as const,
      })),
    };
  const raw: unknown = doc.toJS({ maxAliasCount: 1000 });
  if (raw === null || typeof raw !== "object" || Array.isArray(raw))
    return { ok: false, issues: [issue("PARLEY_FMT_SCHEMA", [], "A tournament config is a map: competitors, scenarios, protocol, rounds, repetitions, rotate, selfPlay, seed, timeLimitMs.")] };
  const checked = tournamentConfigSchema.safeParse(raw);
  if (!checked.success) {
    const issues = checked.error.issues.flatMap((i): FormatIssue[] => {
      const path = i.path as Path;
      let input: unknown = raw;
      for (const step of path) input = input && typeof input === "object" ? (input as Record<string | number, unknown>)[step] : undefined;
      switch (i.code) {
        case "unrecognized_keys": {
          const fields = Object.keys(tournamentConfigSchema.shape);
          return i.keys.map((k) => issue("PARLEY_FMT_SCHEMA", [...path, k], `Unknown field "${k}".${didYouMean(k, fields)} Fields: ${fields.join(", ")}.`, "key"));
        }
        case "invalid_value":
          return [issue("PARLEY_FMT_VALUE", path, `Expected one of ${i.values.map((v) => `"${String(v)}"`).join(", ")}, but found ${describeValue(input)}.`)];
        case "invalid_type":
          return [
            issue(
              "PARLEY_FMT_SCHEMA",
              path,
              input === undefined ? `Missing field "${String(path.at(-1))}".` : `Expected ${i.expected}, but found ${describeValue(input)}.`,
            ),
          ];
        case "invalid_union":
          return [issue("PARLEY_FMT_SCHEMA", path, `Expected a path, or { path, seats: [party ids] }, but found ${describeValue(input)}.`)];
        default:
          return [issue("PARLEY_FMT_VALUE", path, `${i.message[0]!.toUpperCase()}${i.message.slice(1)}; found ${describeValue(input)}.`)];
      }
    });
    return { ok: false, issues };
  }
  return { ok: true, config: checked.data, locate: (path) => locateInYaml(doc, lines, path) };
}
