// A guard in front of the request validators. No request schema is nested deeper than a few
// levels, so a deeper body is invalid anyway; refusing it first keeps the validators away from
// it, because AJV's uniqueItems compares array items recursively and overflows the stack on two
// deeply nested items (found with `{"Filter":{"GroupIds":[[[[...]]],[[[...]]]]}}`).
import type { ValidationIssue } from './validation-issues.js';

/** Deeper than any request schema (body, Filter, GroupIds, item) with room to spare. */
const maxNestingDepth = 32;

/** An issue at the top-level field under which `value` nests too deeply, if it does. */
export function nestingIssue(value: unknown): ValidationIssue | undefined {
  // Iterative on purpose: recursion is exactly what a hostile body would overflow.
  const pending: { value: unknown; depth: number; field: string }[] = [{ value, depth: 0, field: '' }];
  for (let next = pending.pop(); next; next = pending.pop()) {
    if (typeof next.value !== 'object' || next.value === null) continue;
    if (next.depth >= maxNestingDepth) {
      return { path: next.field, keyword: 'maxDepth', message: `is nested deeper than ${maxNestingDepth} levels` };
    }
    const entries = Array.isArray(next.value) ? next.value.entries() : Object.entries(next.value);
    for (const [key, child] of entries) {
      pending.push({ value: child, depth: next.depth + 1, field: next.depth === 0 ? `/${String(key)}` : next.field });
    }
  }
  return undefined;
}
