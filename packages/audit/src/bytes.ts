// Byte helpers over @noble/hashes' utilities: hex that rejects anything but lower-case pairs, equality.
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils.js";

export { bytesToHex as toHex };

/** Lower-case hex of exactly `length` bytes (any length when omitted), or null. */
export function fromHex(text: string, length?: number): Uint8Array | null {
  if (text.length % 2 !== 0 || !/^[0-9a-f]*$/.test(text)) return null;
  if (length !== undefined && text.length !== length * 2) return null;
  const out = new Uint8Array(text.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(text.slice(2 * i, 2 * i + 2), 16);
  return out;
}

export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}

/** UTF-8 bytes of a string. */
export const utf8 = (text: string): Uint8Array => utf8ToBytes(text);
