// `parley room …` without a server, or with bad arguments: clear messages and exit codes, never a
// stack trace (the commands against a real server: room.test.ts).
import net from "node:net";
import { describe, expect, it } from "vitest";
import { parley } from "./run-cli.js";

/** A port nothing listens on (bound, then released). */
async function deadPort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((r) => s.listen(0, "127.0.0.1", r));
  const port = (s.address() as net.AddressInfo).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

describe("parley room: errors", () => {
  it("a server that is not running: exit 5 and what to check", async () => {
    const server = `http://127.0.0.1:${await deadPort()}`;
    for (const args of [
      ["room", "create", "peace-talks-2025", "--seat", "a=human", "--server", server],
      ["room", "status", "r1", "--token", "t", "--server", server],
      ["room", "watch", "r1", "--token", "t", "--server", server],
      ["room", "export", "r1", "--token", "t", "--out", "x.json", "--server", server],
      ["room", "play", `${server}/api/rooms/r1`, "--invite", "i", "--agent", "boulware"],
    ]) {
      const r = await parley(args);
      expect(r.code, `${args.join(" ")}: ${r.stderr}`).toBe(5);
      expect(r.stderr).toContain(`cannot reach the server at ${server}`);
      expect(r.stderr).toContain("parley serve");
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it("bad arguments: exit 2 before any request", async () => {
    const cases: [string[], string][] = [
      [["room", "create", "s", "--seat", "ukraine"], "expected PARTY=human or PARTY=AGENT"],
      [["room", "create", "s", "--seat", "a=human", "--seat", "a=linear"], "--seat a is given twice"],
      [["room", "status", "r1"], "a session token is needed"],
      [["room", "play", "not a url", "--invite", "i", "--agent", "boulware"], "not a room URL"],
      [["room", "play", "http://127.0.0.1:1/api/scenarios/x", "--invite", "i", "--agent", "boulware"], "not a room URL"],
      [["room", "play", "http://127.0.0.1:1/api/rooms/x", "--invite", "i", "--agent", "no-such-agent"], "no-such-agent"],
      [["room", "create", "s", "--seat", "a=human", "--protocol", "chess"], "chess"],
    ];
    for (const [args, message] of cases) {
      const r = await parley(args);
      expect(r.code, `${args.join(" ")}: ${r.stderr}`).toBe(2);
      expect(r.stderr).toContain(message);
    }
  });
});
