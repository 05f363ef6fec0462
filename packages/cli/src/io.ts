/** Where a command writes: injected so that tests capture output without spawning processes. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Whether stdout is a terminal (colour, tables sized for people). */
  readonly stdoutIsTty: boolean;
  /** Whether stderr is a terminal (progress bars). */
  readonly stderrIsTty: boolean;
  /** The terminal's width in columns, when stdout is a terminal (reports wrap to it). */
  readonly columns?: number;
  readonly cwd: string;
}

let pipesWatched = false;

/**
 * A reader that stops early (`parley simulate --json | head`) closes the pipe: the next write fails
 * with EPIPE, which Node raises as an unhandled 'error' event (a stack trace, exit 1). Like a program
 * that SIGPIPE ends, parley then stops quietly: nothing more can be written, and the exit code is the
 * command's so far (0 unless it had already failed).
 */
function watchPipes(): void {
  if (pipesWatched) return;
  pipesWatched = true;
  for (const stream of [process.stdout, process.stderr])
    stream.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code === "EPIPE") process.exit();
      throw error;
    });
}

export function processIo(): CliIo {
  watchPipes();
  return {
    stdout: (t) => void process.stdout.write(t),
    stderr: (t) => void process.stderr.write(t),
    stdoutIsTty: Boolean(process.stdout.isTTY) && !process.env["NO_COLOR"],
    stderrIsTty: Boolean(process.stderr.isTTY),
    ...(process.stdout.isTTY && process.stdout.columns ? { columns: process.stdout.columns } : {}),
    cwd: process.cwd(),
  };
}
