import { ParleyError, type ParleyErrorCode } from "../errors.js";

/** The room error codes (a subset of ParleyErrorCode; each has a section in docs/errors.md). */
export type RoomRuleCode = Extract<ParleyErrorCode, `PARLEY_ROOM_${string}`>;

/** A command the room's rules refuse (or a log that does not replay). The message never holds another seat's private data. */
export class RoomRuleError extends ParleyError {
  override name = "RoomRuleError";
  declare readonly code: RoomRuleCode;
  constructor(code: RoomRuleCode, message: string) {
    super(code, message);
  }
}

export const roomError = (code: RoomRuleCode, message: string): never => {
  throw new RoomRuleError(code, message);
};
