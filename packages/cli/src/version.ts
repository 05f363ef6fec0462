/** The version `parley --version` prints and a briefing names (a test keeps it equal to package.json's). */
export const PARLEY_VERSION = "0.1.0";
