// Every size a file can ask for is bounded before it is allocated. The limits are generous for real
// negotiations (the largest GENIUS/ANAC scenario has 50 issues and 10 values each) and small enough
// that a hostile file is refused in milliseconds and megabytes. Each can be raised: by the parse
// options, or for the `parley` command and the server by an environment variable.

export interface FormatLimits {
  /** Bytes of one file. */
  readonly fileBytes: number;
  /** Values one issue may have: options, integers of its range, grid points of a real issue. */
  readonly valuesPerIssue: number;
  /** Issues of a scenario. */
  readonly issues: number;
  /** Parties of a scenario. */
  readonly parties: number;
  /** Frameworks, points of one framework, statements and events: each. */
  readonly items: number;
  /** Nesting depth of a YAML, JSON or XML document. */
  readonly depth: number;
  /** Nodes that YAML aliases may add when they are expanded (`*anchor` repeats its node). */
  readonly aliasNodes: number;
  /** Problems listed for one file; the rest are counted. */
  readonly problems: number;
}

export const defaultFormatLimits: FormatLimits = {
  fileBytes: 32 * 1024 * 1024,
  valuesPerIssue: 1_000_000,
  issues: 1_000,
  parties: 1_000,
  items: 100_000,
  depth: 64,
  aliasNodes: 100_000,
  problems: 200,
};

/** The environment variable that raises each limit (read by `parley` and `parley serve`). */
export const formatLimitEnv: { readonly [K in keyof FormatLimits]: string } = {
  fileBytes: "PARLEY_MAX_FILE_BYTES",
  valuesPerIssue: "PARLEY_MAX_ISSUE_VALUES",
  issues: "PARLEY_MAX_ISSUES",
  parties: "PARLEY_MAX_PARTIES",
  items: "PARLEY_MAX_ITEMS",
  depth: "PARLEY_MAX_DEPTH",
  aliasNodes: "PARLEY_MAX_ALIAS_NODES",
  problems: "PARLEY_MAX_PROBLEMS",
};

/** The limits with the caller's changes. */
export function formatLimits(overrides: Partial<FormatLimits> = {}): FormatLimits {
  return { ...defaultFormatLimits, ...overrides };
}

/**
 * Limits from environment variables (`PARLEY_MAX_ISSUES=5000`). A variable that is not a positive
 * whole number is reported in `problems` and ignored.
 */
export function formatLimitsFromEnv(env: Readonly<Record<string, string | undefined>>): { limits: Partial<FormatLimits>; problems: string[] } {
  const limits: Partial<Record<keyof FormatLimits, number>> = {};
  const problems: string[] = [];
  for (const key of Object.keys(formatLimitEnv) as (keyof FormatLimits)[]) {
    const raw = env[formatLimitEnv[key]];
    if (raw === undefined || raw === "") continue;
    const n = Number(raw.replace(/_/g, ""));
    if (Number.isSafeInteger(n) && n > 0) limits[key] = n;
    else problems.push(`${formatLimitEnv[key]}=${raw} is not a positive whole number; using the default ${defaultFormatLimits[key]}`);
  }
  return { limits, problems };
}

/** The end of a limit message: the limit, and how to raise it. */
export function limitHint(key: keyof FormatLimits, limits: FormatLimits): string {
  return `the limit is ${limits[key].toLocaleString("en")} (set ${formatLimitEnv[key]} to raise it)`;
}

/** A message cut to `max` characters (a file's text quoted in a message stays short). */
export function clip(text: string, max = 300): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
