import type { AcceptanceFactory } from "./acceptance-condition.js";

/**
 * AC_time(T) (Baarslag et al. 2011): accept any offer once the relative time is at least T (a
 * rational BOA negotiator still refuses offers below its reservation value).
 */
export function acTime(T: number): AcceptanceFactory {
  return () => ({ accept: (view) => view.time >= T });
}
