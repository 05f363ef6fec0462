// Live rooms: the pure engine behind the server's rooms (docs/rooms.md).
export * from "./types.js";
export { RoomRuleError, type RoomRuleCode } from "./errors.js";
export {
  applyRoomEvent,
  replayRoom,
  initialState,
  type AnyRoomEvent,
  type RatingBody,
  type RoomState,
  type SeatState,
} from "./state.js";
export { createRoom, decideRoom, packageOutcome, aggregatesOf } from "./decide.js";
export { engineDraft, engineMoves } from "./engine-moves.js";
export { roomSuggestions, type RoomSuggestion, type RoomSuggestions, type RoomSuggestionOptions, type SuggestionCounts } from "./suggestions.js";
export { visibleEvent, roomView, type RoomView, type RoomSeatView } from "./view.js";
export { bestPackage, improvementOf, nextDraft, pointRatings, scoreOf, compileSeatPreferences, seatParty, EXHAUSTIVE_LIMIT, type SeatJudge } from "./judge.js";
