// `parley serve`: registered by registerServeCommand; starts @parley/server (imported on demand).
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Command } from "commander";
import { describe, expect, it } from "vitest";
import type { CliIo } from "../src/io.js";
import { registerServeCommand } from "../src/commands/serve.js";
import { ExitCode } from "../src/exit-codes.js";
import { UserError } from "../src/user-error.js";

describe("parley serve", () => {
  it("serve --port 0 --db FILE listens on 127.0.0.1 until closed", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "parley-serve-"));
    let stdout = "";
    const io: CliIo = { stdout: (t) => void (stdout += t), stderr: () => {}, stdoutIsTty: false, stderrIsTty: false, cwd: dir };
    const program = new Command("parley").exitOverride();
    let health: unknown;
    registerServeCommand(program, io, {
      onStarted: async (server) => {
        health = await (await fetch(`${server.url}/api/health`)).json();
        await server.close();
      },
    });
    try {
      await program.parseAsync(["serve", "--port", "0", "--db", "parley.sqlite"], { from: "user" });
      expect(stdout).toMatch(/Parley server on http:\/\/127\.0\.0\.1:\d+/);
      expect(stdout).toContain(path.join(dir, "parley.sqlite"));
      expect(health).toMatchObject({ status: "ok", store: "sqlite" });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("without the server package, says how to install it (exit 2)", async () => {
    let stderr = "";
    const io: CliIo = { stdout: () => {}, stderr: (t) => void (stderr += t), stdoutIsTty: false, stderrIsTty: false, cwd: os.tmpdir() };
    const program = new Command("parley").exitOverride();
    registerServeCommand(program, io, { serverPackage: "@parley/no-such-server" });
    const error = await program.parseAsync(["serve", "--port", "0"], { from: "user" }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).exitCode).toBe(ExitCode.usage);
    expect((error as UserError).message).toContain("npm install @parley/no-such-server");
    expect(stderr).toBe("");
  });

  it("serve --port with a bad number is a usage error", async () => {
    const io: CliIo = { stdout: () => {}, stderr: () => {}, stdoutIsTty: false, stderrIsTty: false, cwd: os.tmpdir() };
    const program = new Command("parley").exitOverride().configureOutput({ writeErr: () => {} });
    registerServeCommand(program, io);
    await expect(program.parseAsync(["serve", "--port", "http"], { from: "user" })).rejects.toThrow(/port/);
  });
});
