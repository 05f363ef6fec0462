export { randomAdditiveScenario } from "../packages/core/test/random-additive.js";
