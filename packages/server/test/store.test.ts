// The store on SQLite and PostgreSQL: one schema, one migration list, the same answers.
import { describe, expect, it } from "vitest";
import { parseScenario } from "@parley/formats";
import { connect, migrateToLatest } from "../src/store/connect.js";
import { migrations } from "../src/store/migrations.js";
import { scenarioSlug, Store } from "../src/store/store.js";
import { describeStores, waterYaml } from "./helpers.js";

const water = (() => {
  const r = parseScenario(waterYaml);
  if (!r.ok) throw new Error("fixture");
  return r.value;
})();
const input = { scenario: water, yaml: waterYaml, format: "yaml" as const };

describe("scenarioSlug(text)", () => {
  it("scenarioSlug(text) keeps ids URL-safe", () => {
    expect(scenarioSlug("water-sharing")).toBe("water-sharing");
    expect(scenarioSlug("Laptop Domain/2011")).toBe("laptop-domain-2011");
    expect(scenarioSlug("Ünïcödé")).toBe("unicode");
    expect(scenarioSlug("///")).toBe("scenario");
    expect(scenarioSlug("x".repeat(100))).toHaveLength(64);
  });
});

describeStores("Store", (fresh) => {
  it("migrations run once: opening again applies nothing", async () => {
    const location = await fresh();
    const a = connect(location);
    try {
      expect(await migrateToLatest(a.db, a.dialect)).toEqual(Object.keys(migrations));
      expect(await migrateToLatest(a.db, a.dialect)).toEqual([]);
    } finally {
      await a.db.destroy();
    }
  });

  it("versions: concurrent updates get distinct, consecutive numbers", async () => {
    const store = await Store.open(await fresh());
    try {
      const { id } = await store.createScenario("water-sharing", input);
      const results = await Promise.all(Array.from({ length: 6 }, () => store.addVersion(id, input)));
      expect(results.map((r) => r!.version).sort((a, b) => a - b)).toEqual([2, 3, 4, 5, 6, 7]);
      expect(await store.currentVersion(id)).toBe(7);
      expect((await store.listVersions(id))!.map((v) => v.version)).toEqual([1, 2, 3, 4, 5, 6, 7]);
      expect((await store.getVersion(id, 3))!.scenario).toEqual(water);
    } finally {
      await store.close();
    }
  });

  it("ids: taken ids get a suffix, deleted ids stay taken; counts are numbers", async () => {
    const store = await Store.open(await fresh());
    try {
      expect((await store.createScenario("Water Sharing", input)).id).toBe("water-sharing");
      expect((await store.createScenario("water-sharing", input)).id).toBe("water-sharing-2");
      expect(await store.deleteScenario("water-sharing")).toBe(true);
      expect(await store.deleteScenario("water-sharing")).toBe(false);
      expect(await store.getVersion("water-sharing")).toBeUndefined();
      expect(await store.createScenarioIfAbsent("water-sharing", input)).toBe(false);
      expect((await store.createScenario("water-sharing", input)).id).toBe("water-sharing-3");
      expect((await store.listScenarios()).map((s) => s.id)).toEqual(["water-sharing-2", "water-sharing-3"]);
      const key = { scenarioId: "water-sharing-2", version: 1, kind: "analysis", paramsHash: "h" };
      await store.putCached(key, "{}", '{"a":1}');
      await store.putCached(key, "{}", '{"a":1}'); // a second insert of the same key is ignored
      expect(await store.getCached(key)).toBe('{"a":1}');
      const count = await store.countCached();
      expect(count).toBe(1);
      expect(typeof count).toBe("number");
    } finally {
      await store.close();
    }
  });
});
