// Vitest global setup: one loud notice per run when the corpus beside the checkout is missing
// (test/corpus.ts), so that nobody takes the skipped corpus tests for passing ones.
import { geniusCorpusDir, geniusExpectedPath, hasGeniusCorpus, hasGeniusReference } from "./corpus.js";

export default function corpusNotice(): void {
  const missing = [...(hasGeniusCorpus ? [] : [geniusCorpusDir]), ...(hasGeniusReference ? [] : [geniusExpectedPath])];
  if (missing.length === 0) return;
  const lines = [
    "NOTICE: the GENIUS corpus tests are SKIPPED (shown as skipped in the counts).",
    ...missing.map((m) => `  not found: ${m}`),
    "  They compare Parley with the ANAC scenarios and GENIUS's reference numbers kept beside the",
    "  checkout on the maintainers' machines; everything else runs on the repository's own files.",
  ];
  const width = Math.max(...lines.map((l) => l.length));
  const rule = "!".repeat(width);
  console.warn(`\n${rule}\n${lines.join("\n")}\n${rule}\n`);
}
