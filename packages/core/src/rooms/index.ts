// Live rooms: the pure engine behind the server's rooms (docs/rooms.md).
export * from "./types.js";
