// Cached analysis results: a small in-memory LRU (by bytes) in front of the store's `analyses` table.
// Keys name an immutable scenario version, so an entry never goes stale.
import { createHash } from "node:crypto";
import { canonicalJson } from "@parley/core";
import type { CacheKey, Store } from "../store/store.js";

/** The hash of normalised parameters: equal parameters (in any key order) give the same hash. */
export function paramsHash(params: unknown): string {
  return createHash("sha256").update(canonicalJson(params)).digest("hex").slice(0, 32);
}

export interface Cached {
  /** The result as JSON text. */
  readonly text: string;
  /** Whether it came from the cache (memory or store) rather than being computed now. */
  readonly hit: boolean;
}

export class ResultCache {
  private readonly memory = new Map<string, string>();
  private bytes = 0;
  private readonly inflight = new Map<string, Promise<Cached>>();

  constructor(
    private readonly store: Store,
    /** Memory budget in UTF-16 code units of cached text (0: no memory cache). */
    private readonly maxChars: number,
  ) {}

  private static id(key: CacheKey): string {
    return `${key.scenarioId}\u0000${key.version}\u0000${key.kind}\u0000${key.paramsHash}`;
  }

  private remember(id: string, text: string): void {
    if (text.length > this.maxChars / 4) return; // one huge result must not evict everything
    const old = this.memory.get(id);
    if (old !== undefined) {
      this.bytes -= old.length;
      this.memory.delete(id);
    }
    this.memory.set(id, text);
    this.bytes += text.length;
    for (const [k, v] of this.memory) {
      if (this.bytes <= this.maxChars) break;
      this.memory.delete(k);
      this.bytes -= v.length;
    }
  }

  private recall(id: string): string | undefined {
    const text = this.memory.get(id);
    if (text !== undefined) {
      // most recently used last
      this.memory.delete(id);
      this.memory.set(id, text);
    }
    return text;
  }

  /**
   * The cached result for `key`, or `compute()`'s (JSON text), stored. Concurrent calls for the same
   * key share one computation. `params` is stored beside the result (what the hash is of).
   */
  async getOrCompute(key: CacheKey, params: unknown, compute: () => string | Promise<string>): Promise<Cached> {
    const id = ResultCache.id(key);
    const mem = this.recall(id);
    if (mem !== undefined) return { text: mem, hit: true };
    const pending = this.inflight.get(id);
    if (pending) return pending;
    const work = (async (): Promise<Cached> => {
      const stored = await this.store.getCached(key);
      if (stored !== undefined) {
        this.remember(id, stored);
        return { text: stored, hit: true };
      }
      const text = await compute();
      await this.store.putCached(key, canonicalJson(params), text);
      this.remember(id, text);
      return { text, hit: false };
    })();
    this.inflight.set(id, work);
    try {
      return await work;
    } finally {
      this.inflight.delete(id);
    }
  }

  /** Forget the in-memory entries (the store keeps its rows). */
  clearMemory(): void {
    this.memory.clear();
    this.bytes = 0;
  }
}
