// A file's bytes as text: UTF-8 only, checked. Universal (TextDecoder exists in Node and browsers).
import type { FormatIssue } from "./format-issue.js";

/**
 * Decode `bytes` as UTF-8 (a UTF-8 byte-order mark is dropped). UTF-16 and UTF-32 files (by their
 * byte-order mark or their zero bytes) and invalid UTF-8 are refused with a PARLEY_FMT_SYNTAX issue
 * that says so and where; nothing is replaced silently.
 */
export function decodeText(bytes: Uint8Array, file: string | undefined): { ok: true; text: string } | { ok: false; issue: FormatIssue } {
  const fail = (message: string, line?: number, column?: number) => ({
    ok: false as const,
    issue: {
      code: "PARLEY_FMT_SYNTAX" as const,
      ...(file !== undefined ? { file } : {}),
      ...(line !== undefined ? { line, column: column ?? 1 } : {}),
      path: [],
      message,
      severity: "error" as const,
    },
  });
  const b0 = bytes[0];
  const b1 = bytes[1];
  if ((b0 === 0xff && b1 === 0xfe) || (b0 === 0xfe && b1 === 0xff) || (bytes.length >= 2 && (b0 === 0 || b1 === 0)))
    return fail("unsupported encoding: the file looks like UTF-16 or UTF-32; save it as UTF-8");
  try {
    const text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
    return { ok: true, text };
  } catch {
    const at = firstInvalidUtf8(bytes);
    const lines = new TextDecoder("utf-8").decode(bytes.subarray(0, at)).split("\n");
    return fail(`invalid UTF-8 (byte 0x${(bytes[at] ?? 0).toString(16).padStart(2, "0")} at offset ${at}); save the file as UTF-8`, lines.length, lines.at(-1)!.length + 1);
  }
}

/** The offset of the first byte that does not start a well-formed UTF-8 sequence (Unicode table 3-7). */
export function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    if (c < 0x80) {
      i++;
      continue;
    }
    let n: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) n = 1;
    else if (c >= 0xe0 && c <= 0xef) {
      n = 2;
      if (c === 0xe0) lo = 0xa0;
      if (c === 0xed) hi = 0x9f;
    } else if (c >= 0xf0 && c <= 0xf4) {
      n = 3;
      if (c === 0xf0) lo = 0x90;
      if (c === 0xf4) hi = 0x8f;
    } else return i;
    for (let k = 1; k <= n; k++) {
      const d = b[i + k];
      if (d === undefined || d < (k === 1 ? lo : 0x80) || d > (k === 1 ? hi : 0xbf)) return i;
    }
    i += n + 1;
  }
  return b.length;
}
