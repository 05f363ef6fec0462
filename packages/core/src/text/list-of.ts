/** `a, b, c` for a message: at most `max` items, then `, … (12 in all)`. */
export function listOf(items: readonly (string | number)[], max = 12): string {
  const shown = items.slice(0, max).map(String).join(", ");
  return items.length > max ? `${shown}, … (${items.length} in all)` : shown;
}
