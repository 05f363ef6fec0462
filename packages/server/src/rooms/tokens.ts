// Room tokens: invites (one-time, expiring) and sessions, given to clients once and stored only as
// their SHA-256. A request carries a session as `Authorization: Bearer TOKEN` or as the room's
// httpOnly cookie (browsers); the WebSocket also accepts `?token=`.
import { createHash, randomBytes } from "node:crypto";

/** The cookie a room's session is sent back in (Path=/api/rooms/{id}, so each room has its own). */
export const ROOM_COOKIE = "parley_room";

/** A new token: 32 random bytes, base64url (43 characters). */
export function newToken(): string {
  return randomBytes(32).toString("base64url");
}

/** What the store keeps of a token. */
export function tokenHash(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** The value of cookie `name` in a Cookie header, or undefined. */
export function cookieValue(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/** The token a request presents: the Bearer header first, then the room cookie, then (WebSocket) `?token=`. */
export function presentedToken(headers: { authorization?: string | undefined; cookie?: string | undefined }, queryToken?: string): string | undefined {
  const auth = headers.authorization;
  if (auth !== undefined) {
    const m = /^Bearer\s+(\S+)\s*$/i.exec(auth);
    return m ? m[1] : "";
  }
  return cookieValue(headers.cookie, ROOM_COOKIE) ?? queryToken;
}

/** The Set-Cookie header of a room session: httpOnly, SameSite=Strict, only sent to the room's own routes. */
export function sessionCookie(roomId: string, token: string, maxAgeSeconds: number): string {
  return `${ROOM_COOKIE}=${token}; Path=/api/rooms/${encodeURIComponent(roomId)}; HttpOnly; SameSite=Strict; Max-Age=${maxAgeSeconds}`;
}
