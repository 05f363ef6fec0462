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
