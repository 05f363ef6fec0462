// The progress bar itself (cli-progress, with the readline and emoji-width code it brings): a module
// of its own so that progress.ts imports it only when a bar is drawn, and the bundle keeps it out of
// the command files (dist/bundle/lazy/progress-bar.cjs).
import cliProgress from "cli-progress";

/** A bar on stderr that shows one phase at a time: `onProgress(phase, done, total)`, then `stop()`. */
export function progressBar(): { onProgress: (phase: string, done: number, total: number) => void; stop: () => void } {
  const bar = new cliProgress.SingleBar(
    { format: "{phase} [{bar}] {percentage}% | {eta_formatted} left", stream: process.stderr, clearOnComplete: true, hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  let phase = "";
  return {
    onProgress: (p, done, total) => {
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
