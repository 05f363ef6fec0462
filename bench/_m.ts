import { compileScenario, analyzeScenario } from "@parley/core";
import { readGeniusFolderSync } from "@parley/formats/node";
import { randomAdditiveScenario } from "./random-scenario.js";
const e = readGeniusFolderSync("/work/shared/data/genius/anac/y2011/Energy");
const t = readGeniusFolderSync("/work/shared/data/genius/anac/y2010/Travel");
if (!e.ok || !t.ok) throw 0;
for (const [name, s] of [["energy", e.value], ["travel", t.value], ["r2", randomAdditiveScenario(6, 10, 2, 12345)], ["r3", randomAdditiveScenario(5, 12, 3, 12345)]] as const) {
  const c = compileScenario(s);
  for (let r = 0; r < 3; r++) {
    const t0 = performance.now();
    const m = analyzeScenario(c);
    const t1 = performance.now();
    const a = analyzeScenario(c, { frontierByIssues: false });
    const t2 = performance.now();
    const same = JSON.stringify(m) === JSON.stringify(a);
    console.log(name, "byIssues", (t1 - t0).toFixed(1), "ms | enum", (t2 - t1).toFixed(1), "same", same, m.pareto.count, m.rational.count);
    if (!same && r === 0) { console.log(JSON.stringify(m).slice(0, 600)); console.log(JSON.stringify(a).slice(0, 600)); }
  }
}
