// What a validator reports: each thing wrong with a value, named by where it is.

export interface ValidationIssue {
  /** JSON Pointer to the offending value; for a missing or unknown field, to that field. */
  path: string;
  /** The JSON Schema keyword that failed, such as `required`, `maxLength` or `additionalProperties`. */
  keyword: string;
  message: string;
}

/** On failure, `schema` is the JSON Pointer of the schema the issues' paths are relative to. */
export type ValidationResult = { valid: true } | { valid: false; issues: ValidationIssue[]; schema: string };

/** One line per issue, such as `/Filter/PageSize must be <= 100`. */
export function describeIssues(issues: readonly ValidationIssue[]): string {
  return issues.map((issue) => `${issue.path || '(body)'} ${issue.message}`).join('\n');
}
