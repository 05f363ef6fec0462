/** JSON with object keys sorted, so equal values give equal text. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const entries = Object.keys(value)
    .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`);
  return `{${entries.join(",")}}`;
}

/** A 64-bit FNV-1a hash of text (UTF-16 code units), as 16 hex digits. */
export function hashText(text: string): string {
  // Two 32-bit halves of the 64-bit state, multiplied by the FNV prime 2^40 + 0x1b3.
  let h0 = 0x84222325;
  let h1 = 0xcbf29ce4;
  for (let i = 0; i < text.length; i++) {
    h0 = (h0 ^ text.charCodeAt(i)) >>> 0;
    const lo = h0 * 0x1b3;
    const carry = Math.floor(lo / 0x100000000);
    const hi = (h1 * 0x1b3 + (h0 << 8) + carry) >>> 0;
    h0 = lo >>> 0;
    h1 = hi;
  }
  return h1.toString(16).padStart(8, "0") + h0.toString(16).padStart(8, "0");
}

/** The hash of a tournament's normalised input (see planTournament). */
export function planHash(input: unknown): string {
  return hashText(canonicalJson(input));
}
