// How the emulator writes moments of its clock: ISO-8601 UTC to the second, as the upstream
// does, and the compact `YYYYMMDDhhmmss` stamp that ids and liveness tokens start with.

// Every list reply writes each item's times again; the same seconds come back over and over.
const formatted = new Map<number, string>();

/** `2026-03-18T07:20:44Z`: the API's times carry no milliseconds. */
export function isoSeconds(ms: number): string {
  const second = Math.floor(ms / 1000);
  let text = formatted.get(second);
  if (text === undefined) {
    if (formatted.size >= 10_000) formatted.clear();
    // toISOString is always `YYYY-MM-DDThh:mm:ss.sssZ` for the years a clock here gives.
    text = `${new Date(second * 1000).toISOString().slice(0, 19)}Z`;
    formatted.set(second, text);
  }
  return text;
}

/** `20260318072044`, in UTC. */
export function compactStamp(ms: number): string {
  return isoSeconds(ms).replace(/[-:TZ]/g, '');
}

/**
 * The second a moment falls in. Lists sort on this, not on milliseconds, so that the order a
 * client sees agrees with the times it reads (equal times are then ordered by Id).
 */
export function wholeSecond(ms: number): number {
  return Math.floor(ms / 1000);
}
