// The spec layer: the bundled document, the Action table and validators by Action.
export { actionNames, actions, apiVersion, type Action } from '../../generated/actions.js';
export {
  actionFromQuery,
  actionPath,
  bearerToken,
  bodyTooLarge,
  checkRequestLine,
  parseJsonBody,
  errorEnvelope,
  isAction,
  maxBodyBytes,
  newRequestId,
  parameterError,
  type ErrorCode,
  type ErrorObject,
  type ErrorResponse,
  type GatewayError,
  type Refusal,
} from './protocol.js';
export { portraitDocument, type OpenApiDocument } from './document.js';
export {
  describeIssues,
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
  type ValidationIssue,
  type ValidationResult,
} from './validators.js';
