/** Parley's version, as the briefing names it (a test keeps it equal to the packages' versions). */
export const PARLEY_VERSION = "0.1.0";
