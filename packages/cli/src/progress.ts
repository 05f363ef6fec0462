import type { CliIo } from "./io.js";

/**
 * A progress reporter for `analyzeScenario`'s onProgress: a bar on stderr when it is a terminal,
 * silence otherwise. cli-progress (and the readline and emoji-width code it brings) is imported only
 * when a bar is drawn: a piped or scripted run does not pay for loading it.
 */
export async function createProgress(io: CliIo, { enabled }: { readonly enabled: boolean }) {
  if (!enabled || !io.stderrIsTty) return { onProgress: undefined, stop: () => {} };
  const { default: cliProgress } = await import("cli-progress");
  const bar = new cliProgress.SingleBar(
    { format: "{phase} [{bar}] {percentage}% | {eta_formatted} left", stream: process.stderr, clearOnComplete: true, hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  let phase = "";
  return {
    onProgress: (p: string, done: number, total: number) => {
      if (p !== phase) {
        if (phase) bar.stop();
        phase = p;
        bar.start(total, done, { phase: p.padEnd(9) });
      } else bar.update(done, { phase: p.padEnd(9) });
    },
    stop: () => {
      if (phase) bar.stop();
    },
  };
}
