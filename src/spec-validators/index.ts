// `@portrait-api/toolkit/spec/validators`: what a consumer needs to check values against the
// document, and nothing the servers here use to run the gateway. The Action table and the facts
// the document states for code, and the AJV validators with their results. Code in src/ imports
// src/protocol/index.ts, never this module, so the protocol can change inside without a release.
export {
  actionNames,
  actions,
  apiVersion,
  errorCodes,
  facts,
  fileExtensions,
  h5Languages,
  livenessResultCodes,
  protocol,
  type Action,
  type FactName,
  type PaginatedAction,
} from '../protocol/generated.js';
export { isAction } from '../protocol/gateway-rules.js';
export { describeIssues, type ValidationIssue, type ValidationResult } from '../protocol/validation-issues.js';
export {
  validateErrorResponse,
  validateReply,
  validateRequest,
  validateResponse,
  validateResult,
  validateSchema,
  type SchemaName,
} from '../protocol/validators.js';
