// The order the checks run in, from their `needs` alone: each after every check it needs, and
// otherwise in the order given, so that order decides only between checks that do not depend on
// each other.
import type { Check } from './context.js';

/** `checks` in a stable topological order over `needs`; throws on a duplicate name, an unknown need or a cycle. */
export function runOrder<C extends Pick<Check, 'name' | 'needs'>>(checks: readonly C[]): C[] {
  const names = new Set(checks.map((check) => check.name));
  if (names.size !== checks.length) {
    const twice = checks.filter((check, i) => checks.findIndex((other) => other.name === check.name) !== i).map((check) => check.name);
    throw new Error(`two checks are named ${[...new Set(twice)].join(', ')}`);
  }
  for (const check of checks) {
    const unknown = (check.needs ?? []).filter((need) => !names.has(need));
    if (unknown.length > 0) throw new Error(`${check.name} needs ${unknown.join(', ')}, which no check is named`);
  }
  const ordered: C[] = [];
  const placed = new Set<string>();
  while (ordered.length < checks.length) {
    const next = checks.find((check) => !placed.has(check.name) && (check.needs ?? []).every((need) => placed.has(need)));
    if (!next) {
      const stuck = checks.filter((check) => !placed.has(check.name)).map((check) => check.name);
      throw new Error(`no order meets the needs of ${stuck.join(', ')}: they form a cycle or wait on one`);
    }
    ordered.push(next);
    placed.add(next.name);
  }
  return ordered;
}
