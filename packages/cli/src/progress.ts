import type { CliIo } from "./io.js";

/**
 * A progress reporter for `analyzeScenario`'s onProgress: a bar on stderr when it is a terminal,
 * silence otherwise. The bar (progress-bar.ts: cli-progress, and the readline and emoji-width code it
 * brings) is imported only when one is drawn: a piped or scripted run does not pay for loading it.
 */
export async function createProgress(
  io: CliIo,
  { enabled }: { readonly enabled: boolean },
): Promise<{ onProgress: ((phase: string, done: number, total: number) => void) | undefined; stop: () => void }> {
  if (!enabled || !io.stderrIsTty) return { onProgress: undefined, stop: () => {} };
  return (await import("./progress-bar.js")).progressBar();
}
