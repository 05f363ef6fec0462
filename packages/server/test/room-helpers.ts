// Shared by the room tests: a client over app.inject() for one room, with the tokens of each role.
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { expect } from "vitest";
import { json, waterYaml } from "./helpers.js";

export type Body = Record<string, unknown>;

/** Upload the water-sharing scenario (two parties: upstream, downstream) and return its id. */
export async function uploadWater(app: FastifyInstance): Promise<string> {
  const r = await app.inject({ method: "POST", url: "/api/scenarios", payload: { format: "yaml", text: waterYaml } });
  if (r.statusCode !== 201) throw new Error(`upload failed: ${r.body}`);
  return json<{ id: string }>(r).id;
}

/** Preferences a seat of the water scenario may submit (distinct reservation values, easy to search for). */
export const upstreamPrefs = { reservation: 0.3141, weights: { share: 2, flow: 1 }, values: { share: ["by-area", "equal", "by-population"], flow: "decreasing" } };
export const downstreamPrefs = { reservation: 0.2718, weights: { share: 1, flow: 1.5 }, values: { share: ["by-population", "equal", "by-area"], flow: "increasing" } };

export class RoomClient {
  constructor(
    readonly app: FastifyInstance,
    readonly id: string,
    readonly token: string | undefined,
  ) {}

  request(method: "GET" | "POST" | "PUT", path: string, payload?: unknown): Promise<LightMyRequestResponse> {
    return this.app.inject({
      method,
      url: `/api/rooms/${this.id}${path}`,
      ...(this.token !== undefined ? { headers: { authorization: `Bearer ${this.token}` } } : {}),
      ...(payload !== undefined ? { payload: payload as object } : {}),
    });
  }

  async view(): Promise<Body> {
    const r = await this.request("GET", "");
    expect(r.statusCode, r.body).toBe(200);
    return json<{ view: Body }>(r).view;
  }

  async act(command: Body): Promise<LightMyRequestResponse> {
    return this.request("POST", "/actions", command);
  }

  async events(after = 0): Promise<{ events: Body[]; next: number; latest: number }> {
    const r = await this.request("GET", `/events?after=${after}`);
    expect(r.statusCode, r.body).toBe(200);
    return json(r);
  }

  /** Poll the view until `check` holds (the engine moves on its own, after each commit). */
  async waitFor(check: (view: Body) => boolean, what: string, timeoutMs = 10_000): Promise<Body> {
    const t0 = Date.now();
    for (;;) {
      const view = await this.view();
      if (check(view)) return view;
      if (Date.now() - t0 > timeoutMs) throw new Error(`room ${this.id}: still not ${what} after ${timeoutMs} ms (status ${String(view["status"])})`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }
}

export interface CreatedRoom {
  readonly id: string;
  readonly convener: RoomClient;
  readonly invites: Record<string, string>;
}

export async function createRoom(app: FastifyInstance, body: Body): Promise<CreatedRoom> {
  const r = await app.inject({ method: "POST", url: "/api/rooms", payload: body });
  expect(r.statusCode, r.body).toBe(201);
  const created = json<{ id: string; conveneToken: string; invites: Record<string, string> }>(r);
  return { id: created.id, convener: new RoomClient(app, created.id, created.conveneToken), invites: created.invites };
}

/** Exchange an invite for a session. */
export async function join(app: FastifyInstance, id: string, invite: string): Promise<RoomClient> {
  const r = await app.inject({ method: "POST", url: `/api/rooms/${id}/join`, payload: { invite } });
  expect(r.statusCode, r.body).toBe(200);
  return new RoomClient(app, id, json<{ token: string }>(r).token);
}
