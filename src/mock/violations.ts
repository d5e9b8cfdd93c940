// The `sl-violations` header, written the way Prism's own server writes it, so tools that read
// Prism's proxy output read ours too.
import type { IPrismDiagnostic } from '@stoplight/prism-core';

export interface Violation {
  location: string[];
  severity: string;
  code?: string | number;
  message: string;
}

// @stoplight/types' DiagnosticSeverity, by its numeric value.
const severityNames = ['Error', 'Warning', 'Information', 'Hint'] as const;

export function toViolations(where: 'request' | 'response', diagnostics: readonly IPrismDiagnostic[]): Violation[] {
  return diagnostics.map((diagnostic) => ({
    location: [where, ...(diagnostic.path ?? [])],
    severity: severityNames[diagnostic.severity] ?? String(diagnostic.severity),
    ...(diagnostic.code === undefined ? {} : { code: diagnostic.code }),
    message: diagnostic.message,
  }));
}

// With `errors` on, Prism refuses a request that breaks the document with this error.
export const unprocessableEntity = 'https://stoplight.io/prism/errors#UNPROCESSABLE_ENTITY';

/** The refusal Prism's own forwarder makes of a request with findings, so the front reads both alike. */
export function refusalOf(diagnostics: readonly IPrismDiagnostic[]): Error {
  const validation = diagnostics.map(({ path, severity, code, message }) => ({ location: path ?? [], severity: severityNames[severity] ?? String(severity), code, message }));
  return Object.assign(new Error('The request breaks the document.'), { name: unprocessableEntity, status: 422, additional: { validation } });
}

/** Violations Prism attached to a refusal (`additional.validation`), already in header shape. */
export function violationsOfRefusal(validation: unknown): Violation[] {
  if (!Array.isArray(validation)) return [];
  return validation.map((item: { location?: unknown; severity?: unknown; code?: unknown; message?: unknown }) => ({
    location: ['request', ...(Array.isArray(item.location) ? item.location.map(String) : [])],
    severity: typeof item.severity === 'string' ? item.severity : 'Error',
    ...(typeof item.code === 'string' || typeof item.code === 'number' ? { code: item.code } : {}),
    message: String(item.message ?? ''),
  }));
}

export function isError(violation: Violation): boolean {
  return violation.severity === 'Error';
}

// Node refuses headers over its limit (16 KiB by default); Prism's server cuts at the same size.
const maxHeaderLength = 8 * 1024 - 100;

export function violationsHeader(violations: readonly Violation[]): string | undefined {
  if (violations.length === 0) return undefined;
  // Header values must be Latin-1; escaping the rest keeps the value valid JSON.
  const value = JSON.stringify(violations).replace(/[\u007f-\uffff]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return value.length > maxHeaderLength ? `Too many violations! ${value.slice(0, maxHeaderLength)}` : value;
}
