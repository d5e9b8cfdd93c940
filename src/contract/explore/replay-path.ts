// How many sequences a run may explore, and what a replay path may be: the command line checks both
// before it loads the explorer.

/** The most sequences one run explores: each costs tens of calls on the target. */
export const maxExploreRuns = 10_000;

/**
 * A replay path as a report gives it: fast-check's path (the run, below maxExploreRuns, then the
 * shrinks taken) and the commands' own replay path. Each number is bounded: fast-check draws every
 * run and shrink up to the one a path names, and a larger one would hold the process for minutes.
 */
export function isExplorePath(path: unknown): boolean {
  if (typeof path !== 'string' || !/^\d{1,5}(:\d{1,4}){0,1000}(,[A-Za-z0-9+/]{0,1000}:[A-Za-z0-9+/]{0,1000})?$/.test(path)) return false;
  return Number(path.split(':')[0]) < maxExploreRuns;
}
