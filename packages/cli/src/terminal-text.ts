// Text from files (scenario names, paths, messages that quote a file) never reaches a terminal raw:
// every control character is shown escaped (`\u001b`, `\u0007`), so a file cannot clear the screen,
// set the window title, move the cursor or ring the bell. Only the colour sequences Parley itself
// writes (SGR: ESC [ digits m) pass, and only when colour is on.

// C0 controls except tab and newline, DEL, and the C1 controls (U+0080–U+009F: CSI, OSC, … in 8-bit form).
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
// eslint-disable-next-line no-control-regex
const SGR_OR_CONTROL = /\u001b\[[0-9;]{0,16}m|[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

const escape = (ch: string) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`;

/**
 * `text` with every control character escaped except tab and newline; with `colour`, the SGR colour
 * sequences pass unchanged. In JSON output the escapes are the same characters, written as JSON
 * escapes (control characters only occur inside JSON strings), so JSON stays valid and equal.
 */
export function terminalSafe(text: string, options: { readonly colour: boolean }): string {
  if (!options.colour) return text.replace(CONTROL, escape);
  return text.replace(SGR_OR_CONTROL, (m) => (m.length > 1 ? m : escape(m)));
}
