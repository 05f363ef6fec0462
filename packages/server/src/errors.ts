// The server's error registry (fastify style: code, status, message template), the one table that
// maps core ParleyError codes to statuses, and the one JSON shape every error reply has:
//   { statusCode, code, error, message, issues? }
// Every code has a section in docs/errors.md (packages/cli/test/errors-doc.test.ts checks both
// directions). Codes are API: never rename or reuse one; messages may improve.
import { STATUS_CODES } from "node:http";
import { isParleyError, ProtocolViolation, type ParleyErrorCode } from "@parley/core";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";

interface HttpErrorDefinition {
  readonly status: number;
  /** `%s` is replaced by the arguments, in order. */
  readonly message: string;
}

const define = <const T extends Record<string, HttpErrorDefinition>>(table: T): T => table;

/** Every PARLEY_HTTP_* code: its status and message template. */
export const httpErrors = define({
  PARLEY_HTTP_NOT_FOUND: { status: 404, message: "no route %s %s; the API is under /api (see /docs)" },
  PARLEY_HTTP_SCENARIO_NOT_FOUND: { status: 404, message: 'no scenario "%s"' },
  PARLEY_HTTP_VERSION_NOT_FOUND: { status: 404, message: 'scenario "%s" has no version %s' },
  PARLEY_HTTP_SIMULATION_NOT_FOUND: { status: 404, message: 'no simulation "%s"' },
  PARLEY_HTTP_TOURNAMENT_NOT_FOUND: { status: 404, message: 'no tournament "%s"' },
  PARLEY_HTTP_ROOM_NOT_FOUND: { status: 404, message: 'no room "%s"' },
  PARLEY_HTTP_BAD_TOKEN: { status: 401, message: "%s" },
  PARLEY_HTTP_INVITE_USED: { status: 409, message: "this invite was already used: each invite is exchanged once (POST …/join); use the session token it gave, or ask the convener for a new invite" },
  PARLEY_HTTP_INVITE_EXPIRED: { status: 410, message: "this invite expired; ask the convener for a new one" },
  PARLEY_HTTP_ROLE_FORBIDDEN: { status: 403, message: "%s" },
  PARLEY_HTTP_INVALID_PREFERENCES: { status: 400, message: "the preferences do not load: %s (see issues)" },
  PARLEY_HTTP_VALIDATION: { status: 400, message: "the request does not match the API: %s" },
  PARLEY_HTTP_INVALID_SCENARIO: { status: 400, message: "the scenario does not load: %s (see issues)" },
  PARLEY_HTTP_BAD_JSON: { status: 400, message: "the body is not valid JSON: %s" },
  PARLEY_HTTP_BAD_REQUEST: { status: 400, message: "%s" },
  PARLEY_HTTP_HEADERS_TOO_LARGE: { status: 431, message: "the request's headers are larger than the server accepts (16 KB in all); send fewer or shorter headers" },
  PARLEY_HTTP_BODY_TOO_LARGE: { status: 413, message: "the body is larger than the limit of %s bytes" },
  PARLEY_HTTP_UNSUPPORTED_MEDIA_TYPE: { status: 415, message: "unsupported content type %s: send application/json" },
  PARLEY_HTTP_HOST_NOT_ALLOWED: {
    status: 421,
    message: "Host %s is not one of this server's names (127.0.0.1, localhost, [::1], or PARLEY_ALLOWED_HOSTS); open it by one of them",
  },
  PARLEY_HTTP_ORIGIN_NOT_ALLOWED: {
    status: 403,
    message: "a %s request from the page at Origin %s is refused: only pages of this server's own hosts may change data",
  },
  PARLEY_HTTP_QUEUE_FULL: { status: 429, message: "the %s queue is full (%s jobs waiting or running); try again when one has finished" },
  PARLEY_HTTP_RATE_LIMITED: { status: 429, message: "too many requests to this endpoint (at most %s per %s); retry in %s" },
  PARLEY_HTTP_INTERNAL: { status: 500, message: "internal error (a bug in Parley): %s" },
  PARLEY_HTTP_SHUTTING_DOWN: { status: 503, message: "the server is shutting down; try again when it is back" },
  PARLEY_HTTP_JOB_INTERRUPTED: { status: 503, message: "the server stopped before the job finished; resume it with POST …/rerun" },
  PARLEY_HTTP_JOB_FAILED: { status: 500, message: "the job failed: %s" },
  PARLEY_HTTP_JOB_CANCELLED: { status: 409, message: "the job was cancelled (DELETE); re-run it with POST …/rerun" },
  PARLEY_HTTP_JOB_CONFLICT: { status: 409, message: "%s" },
  PARLEY_HTTP_TIME_LIMIT: { status: 422, message: "the %s took longer than the server's time limit of %s s and was stopped" },
  PARLEY_HTTP_MEMORY_LIMIT: { status: 422, message: "the %s needed more memory than the server's limit of %s MB per worker and was stopped" },
});

export type HttpErrorCode = keyof typeof httpErrors;
export const httpErrorCodes = Object.keys(httpErrors) as HttpErrorCode[];

/**
 * The one status table for the core's ParleyError codes. Request-level mistakes (an unknown party,
 * framework or agent in a query or body) are 400; a valid request the analysis cannot do as asked is 422.
 */
export const parleyErrorStatus = {
  PARLEY_ERR_UNKNOWN_ISSUE: 400,
  PARLEY_ERR_UNKNOWN_PARTY: 400,
  PARLEY_ERR_UNKNOWN_FRAMEWORK: 400,
  PARLEY_ERR_UNKNOWN_VALUE: 400,
  PARLEY_ERR_BAD_ISSUE: 400,
  PARLEY_ERR_BAD_OUTCOME: 400,
  PARLEY_ERR_BAD_ARGUMENT: 400,
  PARLEY_ERR_UNKNOWN_STRATEGY: 400,
  PARLEY_ERR_BAD_PARAMETER: 400,
  PARLEY_ERR_UNKNOWN_PROTOCOL: 400,
  PARLEY_ERR_UNKNOWN_READING: 400,
  PARLEY_ERR_LIMIT: 422,
  PARLEY_ERR_NO_PREFERENCES: 422,
  PARLEY_ERR_SPACE_TOO_LARGE: 422,
  PARLEY_ERR_FRONTIER_TOO_LARGE: 422,
  PARLEY_ERR_NOT_ADDITIVE: 422,
  PARLEY_ROOM_BAD_SPEC: 400,
  PARLEY_ROOM_FORBIDDEN: 403,
  PARLEY_ROOM_NOT_YOUR_TURN: 409,
  PARLEY_ROOM_NOT_NOW: 409,
  PARLEY_ROOM_BAD_PACKAGE: 400,
  PARLEY_ROOM_BAD_PREFERENCES: 400,
  PARLEY_ROOM_OVER: 409,
  PARLEY_ROOM_REPLAY_DIVERGED: 409,
} as const satisfies Record<ParleyErrorCode, number>;

/** One problem of a request or an uploaded file: a FormatIssue (file, line, column) or a field of the request. */
export interface ApiIssue {
  readonly code: string;
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
  readonly path: readonly (string | number)[];
  readonly message: string;
  readonly severity: "error" | "warning";
}

/** The body of every error reply. */
export interface ErrorBody {
  readonly statusCode: number;
  readonly code: string;
  /** The HTTP reason phrase of statusCode. */
  readonly error: string;
  readonly message: string;
  readonly issues?: readonly ApiIssue[];
}

export function formatMessage(template: string, args: readonly unknown[]): string {
  let i = 0;
  return template.replace(/%s/g, () => (i < args.length ? String(args[i++]) : "%s"));
}

/** An error with a PARLEY_HTTP_* code; the error handler turns it into the JSON shape. */
export class HttpError extends Error {
  override name = "HttpError";
  readonly code: HttpErrorCode;
  readonly statusCode: number;
  readonly issues: readonly ApiIssue[] | undefined;
  constructor(code: HttpErrorCode, args: readonly unknown[] = [], options: { issues?: readonly ApiIssue[]; cause?: unknown } = {}) {
    super(formatMessage(httpErrors[code].message, args), options.cause !== undefined ? { cause: options.cause } : undefined);
    this.code = code;
    this.statusCode = httpErrors[code].status;
    this.issues = options.issues;
  }

  /** An error whose message is already written (one that crossed a thread boundary). */
  static withMessage(code: HttpErrorCode, message: string, issues?: readonly ApiIssue[]): HttpError {
    const error = new HttpError(code, [], issues ? { issues } : {});
    error.message = message;
    return error;
  }
}

/** The message of a code with its arguments. */
export function httpErrorMessage(code: HttpErrorCode, ...args: unknown[]): string {
  return formatMessage(httpErrors[code].message, args);
}

export function httpError(code: HttpErrorCode, ...args: unknown[]): HttpError {
  return new HttpError(code, args);
}

const reason = (status: number): string => STATUS_CODES[status] ?? "Error";

export function errorBody(statusCode: number, code: string, message: string, issues?: readonly ApiIssue[]): ErrorBody {
  return { statusCode, code, error: reason(statusCode), message, ...(issues && issues.length > 0 ? { issues } : {}) };
}

export function httpErrorBody(error: HttpError): ErrorBody {
  return errorBody(error.statusCode, error.code, error.message, error.issues);
}

interface FastifyLikeError {
  readonly code?: unknown;
  readonly statusCode?: unknown;
  readonly message?: unknown;
  readonly validation?: unknown;
  readonly validationContext?: unknown;
}

const pathOf = (instancePath: string): (string | number)[] =>
  instancePath
    .split("/")
    .filter((s) => s !== "")
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s.replace(/~1/g, "/").replace(/~0/g, "~")));

/** Request-validation failures as issues, each with its field path (starting with body, querystring or params). */
function validationIssues(error: FastifyLikeError): ApiIssue[] {
  const context = typeof error.validationContext === "string" ? error.validationContext : "body";
  const list = Array.isArray(error.validation) ? (error.validation as { instancePath?: string; message?: string }[]) : [];
  return list.map((v) => ({
    code: "PARLEY_HTTP_VALIDATION",
    path: [context, ...pathOf(v.instancePath ?? "")],
    message: v.message ?? "invalid",
    severity: "error" as const,
  }));
}

/** What went wrong, as the reply: every error the server can meet ends up here. `internal` is set for 500s. */
export function toErrorReply(error: unknown, limits: { bodyBytes: number }): { body: ErrorBody; internal?: unknown } {
  if (error instanceof HttpError) return { body: httpErrorBody(error) };
  if (isParleyError(error)) return { body: errorBody(parleyErrorStatus[error.code] ?? 400, error.code, error.message) };
  const e = (typeof error === "object" && error !== null ? error : {}) as FastifyLikeError;
  const code = typeof e.code === "string" ? e.code : undefined;
  const message = typeof e.message === "string" ? e.message : String(error);
  if (hasZodFastifySchemaValidationErrors(error) || Array.isArray(e.validation)) {
    const issues = validationIssues(e);
    const first = issues[0];
    const summary = first ? `${first.path.join(".")}: ${first.message}${issues.length > 1 ? ` (and ${issues.length - 1} more)` : ""}` : message;
    return { body: httpErrorBody(new HttpError("PARLEY_HTTP_VALIDATION", [summary], { issues })) };
  }
  switch (code) {
    case "FST_ERR_CTP_BODY_TOO_LARGE":
      return { body: httpErrorBody(new HttpError("PARLEY_HTTP_BODY_TOO_LARGE", [limits.bodyBytes])) };
    case "FST_ERR_CTP_INVALID_MEDIA_TYPE":
      return { body: httpErrorBody(new HttpError("PARLEY_HTTP_UNSUPPORTED_MEDIA_TYPE", [message.replace(/^Unsupported Media Type:?\s*/i, "") || "?"])) };
    case "FST_ERR_CTP_EMPTY_JSON_BODY":
      return { body: httpErrorBody(new HttpError("PARLEY_HTTP_BAD_JSON", ["the body is empty"])) };
    case "FST_ERR_CTP_INVALID_JSON_BODY":
      return { body: httpErrorBody(new HttpError("PARLEY_HTTP_BAD_JSON", [message])) };
  }
  if (error instanceof SyntaxError) return { body: httpErrorBody(new HttpError("PARLEY_HTTP_BAD_JSON", [message])) };
  if (error instanceof ProtocolViolation) return { body: httpErrorBody(new HttpError("PARLEY_HTTP_BAD_REQUEST", [message])) };
  if (code === "FST_ERR_RESPONSE_SERIALIZATION")
    return { body: httpErrorBody(new HttpError("PARLEY_HTTP_INTERNAL", ["the response does not match its schema"])), internal: error };
  const status = typeof e.statusCode === "number" ? e.statusCode : 500;
  if (status >= 400 && status < 500) return { body: httpErrorBody(new HttpError("PARLEY_HTTP_BAD_REQUEST", [message])) };
  return { body: httpErrorBody(new HttpError("PARLEY_HTTP_INTERNAL", [message])), internal: error };
}
