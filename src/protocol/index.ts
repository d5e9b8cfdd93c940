// The protocol: the facts generated from the document, the document model, the gateway's rules
// and the validators by Action. Shared by the client, the mock, the emulator and the contract checks.
export {
  actionNames,
  actions,
  apiVersion,
  errorCodes,
  facts,
  fileExtensions,
  h5Languages,
  livenessResultCodes,
  patterns,
  protocol,
  servers,
  type Action,
  type FactName,
  type PaginatedAction,
  type components,
  type paths,
} from './generated.js';
export { methodName } from './method-name.js';
export { portraitDocument } from './portrait-document.js';
export type { PortraitCall, PortraitCallResult, RequestOf, ResultOf } from './action-types.js';
export { requestProperty } from './request-property.js';
export { bodyShapeIssue } from './body-shape.js';
export { issueSource, sourceNames, type Fact, type Source } from './fact-sources.js';
export {
  actionFromQuery,
  bearerToken,
  bodyTooLarge,
  checkContentType,
  checkRequestLine,
  documentedError,
  parseJsonBody,
  echoedAction,
  errorEnvelope,
  isAction,
  newRequestId,
  parameterRefusal,
  type ErrorCode,
  type ErrorObject,
  type ErrorResponse,
  type Refusal,
  type EchoedRefusal,
} from './gateway-rules.js';
export {
  postOperations,
  resolveResponse,
  resolveSchema,
  schemaNamed,
  schemaRef,
  successLinks,
  type LinkObject,
  type MediaTypeObject,
  type OpenApiDocument,
  type OperationObject,
  type ResponseObject,
  type SchemaObject,
} from './document.js';
export { describeIssues, type ValidationIssue, type ValidationResult } from './validation-issues.js';
export {
  jsonPointer,
  replySchemaPointer,
  validateAt,
  validateErrorResponse,
  validateReply,
  validateRequest,
  validateResponse,
  validateResult,
  validateSchema,
  type SchemaName,
} from './validators.js';
