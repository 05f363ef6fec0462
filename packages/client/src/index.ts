// @parley/client: Parley's live rooms from any program (docs/rooms.md, "Bring your own agent").
export { RoomClient, type RoomClientOptions, type FetchLike } from "./client.js";
export { RoomApiError, clientErrorCodes, isTransient, retryTransient, type ClientErrorCode } from "./errors.js";
export { openStream, type RoomStream, type StreamOptions, type WebSocketLike, type WebSocketConstructor } from "./stream.js";
export { playSeat, type PlaySeatOptions, type SeatResult } from "./play-seat.js";
export type * from "./types.js";
