// A guard in front of the request validators, for what JSON can carry but no schema should see.
// - Nesting: no request schema is nested deeper than a few levels, so a deeper body is invalid
//   anyway; refusing it first keeps the validators away from it, because AJV's uniqueItems
//   compares array items recursively and overflows the stack on two deeply nested items (found
//   with `{"Filter":{"GroupIds":[[[[...]]],[[[...]]]]}}`).
// - Numbers too large for a double (`1e400` parses as Infinity): validators disagree on them
//   (strict AJV refuses Infinity as an integer, Prism's AJV accepts it), and no field can hold one.
import type { ValidationIssue } from './validation-issues.js';

/** Deeper than any request schema (body, Filter, GroupIds, item) with room to spare. */
const maxNestingDepth = 32;
/** More values than any request or reply the document describes (a list is at most 100 items of a dozen fields). */
const maxValues = 20_000;
/**
 * A reply to judge: twice the largest the document describes (a page of 100 assets of 12 to 15
 * values each). Judging is slower than linear in what breaks the spec: 6,000 empty items took AJV
 * 7.5 s, 2,000 a tenth of a second.
 */
const maxReplyValues = 2_500;

/** The first issue with a reply's shape, as `bodyShapeIssue` finds them, bounded for a reply's size. */
export function replyShapeIssue(value: unknown): ValidationIssue | undefined {
  return bodyShapeIssue(value, maxReplyValues);
}

/** The first issue with the body's shape: a value nested too deeply, too many values, or a number that is not finite. */
export function bodyShapeIssue(value: unknown, mostValues = maxValues): ValidationIssue | undefined {
  // Iterative on purpose: recursion is exactly what a hostile body would overflow.
  const pending: { value: unknown; depth: number; path: string }[] = [{ value, depth: 0, path: '' }];
  let seen = 0;
  for (let next = pending.pop(); next; next = pending.pop()) {
    // Bounded work: a body of a million small values is refused before it costs seconds.
    if (++seen > mostValues) return { path: next.path.split('/').slice(0, 2).join('/'), keyword: 'maxItems', message: `holds more than ${mostValues} values` };
    if (typeof next.value === 'number' && !Number.isFinite(next.value)) {
      return { path: next.path, keyword: 'type', message: 'is a number too large to represent' };
    }
    if (typeof next.value !== 'object' || next.value === null) continue;
    if (next.depth >= maxNestingDepth) {
      return { path: next.path.split('/').slice(0, 2).join('/'), keyword: 'maxDepth', message: `is nested deeper than ${maxNestingDepth} levels` };
    }
    const entries = Array.isArray(next.value) ? next.value.entries() : Object.entries(next.value);
    for (const [key, child] of entries) pending.push({ value: child, depth: next.depth + 1, path: `${next.path}/${String(key)}` });
  }
  return undefined;
}
