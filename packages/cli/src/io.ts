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

export function processIo(): CliIo {
  return {
    stdout: (t) => void process.stdout.write(t),
    stderr: (t) => void process.stderr.write(t),
    stdoutIsTty: Boolean(process.stdout.isTTY) && !process.env["NO_COLOR"],
    stderrIsTty: Boolean(process.stderr.isTTY),
    ...(process.stdout.isTTY && process.stdout.columns ? { columns: process.stdout.columns } : {}),
    cwd: process.cwd(),
  };
}
