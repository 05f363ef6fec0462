// The rooms' part of the store (docs/rooms.md): rooms, their events, invites and sessions (hashed),
// the audit log's entries and signed heads, and the server's signing key. Every change of a room is
// ONE transaction (`commit`): its events, their audit entries, the room's status and last seq, the
// new signed tree head, and the tokens the change creates or uses are written together or not at all.
import type { RoomEvent, RoomSpec } from "@parley/core";
import { fromHex, generateSigningKey, toHex, type SignedTreeHead, type SigningKey } from "@parley/audit";
import type { Kysely, Selectable, Transaction } from "kysely";
import type { Database, RoomEventTable } from "./database.js";
import type { Store } from "./store.js";

export type RoomRole = "convener" | "seat" | "mediator" | "observer";
export type TokenKind = "invite" | "session";

/** A token to store: only its hash is kept. */
export interface NewToken {
  readonly hash: string;
  readonly role: RoomRole;
  readonly party: string | null;
  readonly kind: TokenKind;
  readonly expiresAt: string;
}

export interface TokenRecord {
  readonly roomId: string;
  readonly role: RoomRole;
  readonly party: string | null;
  readonly kind: TokenKind;
  readonly expiresAt: string;
  readonly usedAt: string | null;
}

/** An event as stored: the core event and, for a private part, the salt of its commitment. */
export interface StoredEvent {
  readonly event: RoomEvent;
  /** Hex salt of `event.commitment` (present exactly when the event has a private part). */
  readonly salt?: string;
}

export interface RoomRecord {
  readonly id: string;
  readonly scenarioId: string;
  readonly version: number;
  readonly spec: RoomSpec;
  readonly status: string;
  readonly lastSeq: number;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** One audit entry as appended (AppendedEntry of @parley/audit). */
export interface StoredAuditEntry {
  readonly index: number;
  readonly json: string;
  readonly leafHash: string;
}

/** Everything one command changes, written in one transaction. */
export interface RoomCommit {
  readonly roomId: string;
  /** The room's last seq before these events: the commit fails (RoomConflict) when another writer moved it. */
  readonly from: number;
  readonly events: readonly StoredEvent[];
  readonly entries: readonly StoredAuditEntry[];
  /** The signed head over the log after these entries (none when there are no events). */
  readonly head?: SignedTreeHead;
  readonly status: string;
  /** Tokens created by the command (a session for a joining seat). */
  readonly tokens?: readonly NewToken[];
  /** An invite used by the command: marked used in the same transaction (RoomTokenRefused when it is not usable). */
  readonly redeem?: { readonly hash: string; readonly now: string };
}

/** Another writer appended to the room first (the per-room queue makes this a bug or a second process). */
export class RoomConflict extends Error {
  override name = "RoomConflict";
}

/** Why an invite cannot be used: unknown (or not this room's), already used, or expired. */
export class RoomTokenRefused extends Error {
  override name = "RoomTokenRefused";
  constructor(readonly reason: "unknown" | "used" | "expired") {
    super(`invite ${reason}`);
  }
}

const SERVER_KEY_ID = "default";

function eventFromRow(row: Selectable<RoomEventTable>): StoredEvent {
  const priv = row.private === null ? undefined : (JSON.parse(row.private) as RoomEvent["private"]);
  const event = {
    seq: Number(row.seq),
    at: row.at,
    type: row.type,
    actor: JSON.parse(row.actor),
    public: JSON.parse(row.public),
    ...(priv !== undefined ? { private: priv } : {}),
    ...(row.commitment !== null ? { commitment: row.commitment } : {}),
  } as RoomEvent;
  return row.salt !== null ? { event, salt: row.salt } : { event };
}

export class RoomStore {
  private readonly db: Kysely<Database>;

  constructor(store: Store) {
    this.db = store.db;
  }

  /** The server's Ed25519 key: created (from the CSPRNG) and stored at first start, read afterwards. */
  async serverKey(now: string): Promise<SigningKey> {
    const read = () => this.db.selectFrom("server_keys").selectAll().where("id", "=", SERVER_KEY_ID).executeTakeFirst();
    let row = await read();
    if (!row) {
      const key = generateSigningKey();
      await this.db
        .insertInto("server_keys")
        .values({ id: SERVER_KEY_ID, public_key: toHex(key.publicKey), private_key: toHex(key.secretKey), created_at: now })
        .onConflict((oc) => oc.column("id").doNothing())
        .execute();
      row = await read(); // another process may have won: its key is the key
    }
    if (!row) throw new Error("the server key could not be stored");
    return { publicKey: fromHex(row.public_key)!, secretKey: fromHex(row.private_key)! };
  }

  /** Store a new room with its first commit (the room-created event) and its tokens. */
  async createRoom(room: { spec: RoomSpec; now: string }, commit: RoomCommit): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx
        .insertInto("rooms")
        .values({
          id: room.spec.id,
          scenario_id: room.spec.scenario.id,
          version: room.spec.scenario.version,
          spec: JSON.stringify(room.spec),
          status: commit.status,
          last_seq: 0,
          created_at: room.now,
          updated_at: room.now,
        })
        .execute();
      await this.write(trx, commit, room.now);
    });
  }

  /** Write one command's changes (see RoomCommit), all or nothing. */
  async commit(commit: RoomCommit, now: string): Promise<void> {
    await this.db.transaction().execute((trx) => this.write(trx, commit, now));
  }

  private async write(trx: Transaction<Database>, c: RoomCommit, now: string): Promise<void> {
    if (c.redeem) {
      const used = await trx
        .updateTable("room_tokens")
        .set({ used_at: c.redeem.now })
        .where("token_hash", "=", c.redeem.hash)
        .where("room_id", "=", c.roomId)
        .where("kind", "=", "invite")
        .where("used_at", "is", null)
        .where("expires_at", ">", c.redeem.now)
        .executeTakeFirst();
      if (Number(used.numUpdatedRows) !== 1) throw new RoomTokenRefused((await this.inviteProblem(c.roomId, c.redeem.hash, c.redeem.now, trx)) ?? "unknown");
    }
    if (c.tokens && c.tokens.length > 0)
      await trx
        .insertInto("room_tokens")
        .values(
          c.tokens.map((t) => ({
            token_hash: t.hash,
            room_id: c.roomId,
            role: t.role,
            party: t.party,
            kind: t.kind,
            expires_at: t.expiresAt,
            used_at: null,
            created_at: now,
          })),
        )
        .execute();
    if (c.events.length === 0) return;
    const last = c.from + c.events.length;
    const moved = await trx
      .updateTable("rooms")
      .set({ status: c.status, last_seq: last, updated_at: now })
      .where("id", "=", c.roomId)
      .where("last_seq", "=", c.from)
      .executeTakeFirst();
    if (Number(moved.numUpdatedRows) !== 1) throw new RoomConflict(`room ${c.roomId} is no longer at seq ${c.from}`);
    await trx
      .insertInto("room_events")
      .values(
        c.events.map(({ event: e, salt }) => ({
          room_id: c.roomId,
          seq: e.seq,
          type: e.type,
          actor: JSON.stringify(e.actor),
          public: JSON.stringify(e.public),
          private: e.private === undefined ? null : JSON.stringify(e.private),
          commitment: e.commitment ?? null,
          salt: salt ?? null,
          at: e.at,
        })),
      )
      .execute();
    await trx
      .insertInto("audit_entries")
      .values(c.entries.map((e) => ({ room_id: c.roomId, idx: e.index, entry: e.json, leaf_hash: e.leafHash })))
      .execute();
    if (c.head)
      await trx
        .insertInto("audit_heads")
        .values({ room_id: c.roomId, tree_size: c.head.treeSize, root: c.head.rootHash, timestamp: c.head.timestamp, signature: c.head.signature })
        .execute();
  }

  /** Why an invite is not usable now, or null when it is. */
  async inviteProblem(roomId: string, hash: string, now: string, db: Kysely<Database> = this.db): Promise<RoomTokenRefused["reason"] | null> {
    const row = await db.selectFrom("room_tokens").selectAll().where("token_hash", "=", hash).executeTakeFirst();
    if (!row || row.room_id !== roomId || row.kind !== "invite") return "unknown";
    if (row.used_at !== null) return "used";
    if (row.expires_at <= now) return "expired";
    return null;
  }

  /** The invite or session behind a token hash, for this room. */
  async token(roomId: string, hash: string): Promise<TokenRecord | undefined> {
    const row = await this.db.selectFrom("room_tokens").selectAll().where("token_hash", "=", hash).where("room_id", "=", roomId).executeTakeFirst();
    return row
      ? { roomId: row.room_id, role: row.role as RoomRole, party: row.party, kind: row.kind as TokenKind, expiresAt: row.expires_at, usedAt: row.used_at }
      : undefined;
  }

  async insertTokens(roomId: string, tokens: readonly NewToken[], now: string): Promise<void> {
    await this.db.transaction().execute((trx) => this.write(trx, { roomId, from: 0, events: [], entries: [], status: "", tokens }, now));
  }

  async getRoom(id: string): Promise<RoomRecord | undefined> {
    const row = await this.db.selectFrom("rooms").selectAll().where("id", "=", id).executeTakeFirst();
    if (!row) return undefined;
    return {
      id: row.id,
      scenarioId: row.scenario_id,
      version: Number(row.version),
      spec: JSON.parse(row.spec) as RoomSpec,
      status: row.status,
      lastSeq: Number(row.last_seq),
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    };
  }

  /** Events with seq > after, in order (at most `limit`). */
  async events(roomId: string, after = 0, limit?: number): Promise<StoredEvent[]> {
    let q = this.db.selectFrom("room_events").selectAll().where("room_id", "=", roomId).where("seq", ">", after).orderBy("seq");
    if (limit !== undefined) q = q.limit(limit);
    return (await q.execute()).map(eventFromRow);
  }

  /** The audit log's entries (canonical JSON, in order) and its signed heads. */
  async audit(roomId: string): Promise<{ entries: string[]; heads: SignedTreeHead[] }> {
    const entries = await this.db.selectFrom("audit_entries").select("entry").where("room_id", "=", roomId).orderBy("idx").execute();
    const heads = await this.db.selectFrom("audit_heads").selectAll().where("room_id", "=", roomId).orderBy("tree_size").execute();
    return {
      entries: entries.map((e) => e.entry),
      heads: heads.map((h) => ({ logId: roomId, treeSize: Number(h.tree_size), rootHash: h.root, timestamp: Number(h.timestamp), signature: h.signature })),
    };
  }

  /** Rooms whose status is not final: replayed at start. */
  async unfinishedRoomIds(finalStatuses: readonly string[]): Promise<string[]> {
    const rows = await this.db.selectFrom("rooms").select("id").where("status", "not in", [...finalStatuses]).orderBy("created_at").orderBy("id").execute();
    return rows.map((r) => r.id);
  }
}
