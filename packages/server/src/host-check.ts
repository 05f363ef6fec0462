// The Host and Origin check against DNS rebinding and cross-site requests: the server has no
// authentication yet, so a page elsewhere must not reach it. Every request's Host must be a loopback
// name (127.0.0.1, localhost, [::1], any port) or a configured host (421 PARLEY_HTTP_HOST_NOT_ALLOWED);
// a state-changing request (POST, PUT, PATCH, DELETE) that carries an Origin must come from such a
// host too (403 PARLEY_HTTP_ORIGIN_NOT_ALLOWED).
import { HttpError } from "./errors.js";

export const loopbackHosts: readonly string[] = ["127.0.0.1", "localhost", "[::1]"];

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** `name` or `name:port` → lower-case name (IPv6 kept in brackets) and port; undefined when it is not a host. */
export function splitHost(value: string): { name: string; port: string | undefined } | undefined {
  const v = value.trim().toLowerCase();
  const m = /^(\[[0-9a-f:.]+\]|[a-z0-9._-]+)(?::(\d{1,5}))?$/.exec(v);
  if (!m) return undefined;
  return { name: m[1]!, port: m[2] };
}

/**
 * A test of Host values: loopback names with any port, and each configured entry (`name` for any
 * port, `name:port` for that port only).
 */
export function hostAllowlist(configured: readonly string[] = []): (host: string) => boolean {
  const anyPort = new Set(loopbackHosts);
  const exact = new Set<string>();
  for (const entry of configured) {
    const parsed = splitHost(entry);
    if (!parsed) throw new Error(`allowed host "${entry}" is not a host name (name or name:port)`);
    if (parsed.port === undefined) anyPort.add(parsed.name);
    else exact.add(`${parsed.name}:${parsed.port}`);
  }
  return (host) => {
    const parsed = splitHost(host);
    if (!parsed) return false;
    return anyPort.has(parsed.name) || (parsed.port !== undefined && exact.has(`${parsed.name}:${parsed.port}`));
  };
}

/** The host part (`name[:port]`) of an Origin header, or undefined ("null", not a URL, not http(s)). */
function originHost(origin: string): string | undefined {
  try {
    const url = new URL(origin);
    return url.protocol === "http:" || url.protocol === "https:" ? url.host : undefined;
  } catch {
    return undefined;
  }
}

/** Throws the HttpError a request gets when its Host or Origin is not allowed. */
export function checkHostAndOrigin(allowed: (host: string) => boolean, method: string, host: string | undefined, origin: string | undefined): void {
  if (host === undefined || !allowed(host)) throw new HttpError("PARLEY_HTTP_HOST_NOT_ALLOWED", [JSON.stringify(host ?? "")]);
  if (origin === undefined || SAFE_METHODS.has(method)) return;
  const from = originHost(origin);
  if (from === undefined || !allowed(from)) throw new HttpError("PARLEY_HTTP_ORIGIN_NOT_ALLOWED", [method, JSON.stringify(origin)]);
}
