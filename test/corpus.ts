// The larger GENIUS corpus (ANAC 2010–2016 and others) and its reference numbers, kept beside the
// checkout on the maintainers' machines (../shared/). They are not part of the repository: tests
// that need them are skipped (vitest counts them as skipped) when they are absent, and
// test/corpus-notice.ts says so once per run. PARLEY_SHARED_DIR names another folder than ../shared.
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const shared = path.resolve(repoRoot, process.env["PARLEY_SHARED_DIR"] ?? "../shared");

/** ../shared/data/genius: GENIUS scenario folders. */
export const geniusCorpusDir = path.join(shared, "data/genius");
/** ../shared/reference/genius-expected.json: reference numbers for corpus folders. */
export const geniusExpectedPath = path.join(shared, "reference/genius-expected.json");

export const hasGeniusCorpus = existsSync(geniusCorpusDir);
export const hasGeniusReference = hasGeniusCorpus && existsSync(geniusExpectedPath);
