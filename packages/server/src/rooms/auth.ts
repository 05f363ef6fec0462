// Who is calling a room route: the session token (Bearer, cookie or, for the stream, ?token=) →
// role, party, what they may see (RoomViewer) and whom they act as (RoomActor).
import type { RoomActor, RoomViewer } from "@parley/core";
import type { ServerContext } from "../context.js";
import { httpError } from "../errors.js";
import type { RoomRole } from "../store/room-store.js";
import { presentedToken, tokenHash } from "./tokens.js";

export interface RoomCaller {
  readonly role: RoomRole;
  readonly party?: string;
  readonly viewer: RoomViewer;
}

export function viewerOf(role: RoomRole, party: string | null): RoomViewer {
  if (role === "seat") return { role, party: party ?? "" };
  return { role };
}

/** Whom a caller acts as; observers never act (403). */
export function actorOf(caller: RoomCaller, doing: string): RoomActor {
  if (caller.role === "observer") throw httpError("PARLEY_HTTP_ROLE_FORBIDDEN", `an observer may not ${doing}`);
  if (caller.role === "seat") return { role: "seat", party: caller.party ?? "" };
  return { role: caller.role };
}

/** 403 unless the caller has one of `roles`. */
export function requireRole(caller: RoomCaller, roles: readonly RoomRole[], doing: string): void {
  if (!roles.includes(caller.role)) throw httpError("PARLEY_HTTP_ROLE_FORBIDDEN", `only ${roles.join(" or ")} tokens may ${doing}; this token is a ${caller.role}'s`);
}

/**
 * The caller of a room route: 404 when the room does not exist (whatever the token), 401 when no
 * session token is presented or it is not a live session of this room.
 */
export async function roomCaller(
  ctx: ServerContext,
  roomId: string,
  headers: { authorization?: string | undefined; cookie?: string | undefined },
  queryToken?: string,
): Promise<RoomCaller> {
  await ctx.rooms.room(roomId);
  const token = presentedToken(headers, queryToken);
  if (token === undefined || token === "")
    throw httpError("PARLEY_HTTP_BAD_TOKEN", "this room route needs a session token: Authorization: Bearer TOKEN (from POST …/join or the convener's token), or the room's cookie");
  const record = await ctx.roomStore.token(roomId, tokenHash(token));
  if (!record) throw httpError("PARLEY_HTTP_BAD_TOKEN", "the token is not a session of this room");
  if (record.kind !== "session") throw httpError("PARLEY_HTTP_BAD_TOKEN", "this is an invite, not a session: exchange it once with POST /api/rooms/{id}/join, then use the token that gives");
  if (record.expiresAt <= new Date(ctx.now()).toISOString()) throw httpError("PARLEY_HTTP_BAD_TOKEN", "the session expired; join again with a new invite");
  return { role: record.role, ...(record.party !== null ? { party: record.party } : {}), viewer: viewerOf(record.role, record.party) };
}
