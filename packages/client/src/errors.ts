// The one error the client throws: an API error answer (HTTP status and PARLEY_* code), or the
// server out of reach (status 0).
/** An error answer of the API (status and the stable PARLEY_* code), or the server out of reach (status 0). */
export class RoomApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "RoomApiError";
  }
  /** The server could not be reached (connection refused, reset, DNS). */
  get unreachable(): boolean {
    return this.status === 0;
  }
}

/** The codes the client itself gives (the server's codes pass through as it sends them). */
export const clientErrorCodes = ["PARLEY_CLIENT_UNREACHABLE", "PARLEY_CLIENT_NO_ROOM", "PARLEY_CLIENT_NO_TOKEN", "PARLEY_CLIENT_NO_WEBSOCKET", "PARLEY_CLIENT_BAD_REPLY"] as const;
export type ClientErrorCode = (typeof clientErrorCodes)[number];

/** An error that retrying may heal: the server away (status 0), busy (429) or failing (5xx). */
export function isTransient(e: unknown): boolean {
  return e instanceof RoomApiError && (e.status === 0 || e.status === 429 || e.status >= 500);
}

/**
 * `fn()`, retried after transient errors (a restarting server) every `delayMs` until it succeeds,
 * fails otherwise, or `timeoutMs` has passed (then the last error is thrown).
 */
export async function retryTransient<T>(fn: () => Promise<T>, timeoutMs = 60_000, delayMs = 250): Promise<T> {
  const t0 = Date.now();
  for (;;) {
    try {
      return await fn();
    } catch (e) {
      if (!isTransient(e) || Date.now() - t0 >= timeoutMs) throw e;
      await new Promise((r) => setTimeout(r, delayMs));
    }
  }
}
