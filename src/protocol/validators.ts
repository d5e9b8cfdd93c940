// Strict AJV validators for every schema in the bundled document, compiled once and looked up
// by Action. The mock, the emulator and the contract checks all validate through this module.
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { resolveResponse } from './document.js';
import { actions, type Action, type components } from './generated.js';
import { portraitDocument } from './portrait-document.js';
import { bodyShapeIssue } from './body-shape.js';
import type { ValidationIssue, ValidationResult } from './validation-issues.js';

export type SchemaName = keyof components['schemas'];


const documentId = 'https://portrait.local/openapi.json';

const ajv = new Ajv2020({ strict: true, allErrors: true });
addFormats.default(ajv);
// OpenAPI's own keywords around and inside the schemas, and the document's `x-` extensions:
// known, so strict mode holds, but inert. `discriminator` is inert too (AJV's own support refuses
// `mapping`): PortraitCall's branches already exclude each other by their `Action` const.
ajv.addVocabulary(['openapi', 'info', 'servers', 'security', 'tags', 'paths', 'webhooks', 'components', 'example', 'discriminator', ...extensionKeywords(portraitDocument)]);
ajv.addSchema(portraitDocument, documentId);

const compiled = new Map<string, ValidateFunction>();

function validatorAt(pointer: string): ValidateFunction {
  let validate = compiled.get(pointer);
  if (!validate) {
    const found = ajv.getSchema(`${documentId}#${pointer}`);
    if (!found) throw new Error(`No schema at ${pointer} in the bundled document`);
    validate = found;
    compiled.set(pointer, validate);
  }
  return validate;
}

/** Validates `value` against the schema at `pointer` (a JSON Pointer into the bundled document). */
export function validateAt(pointer: string, value: unknown): ValidationResult {
  const validate = validatorAt(pointer);
  return validate(value) ? { valid: true } : { valid: false, issues: (validate.errors ?? []).map(toIssue), schema: pointer };
}

function toIssue(error: ErrorObject): ValidationIssue {
  const { instancePath, keyword, params, message } = error;
  if (keyword === 'required') {
    return { path: `${instancePath}/${params.missingProperty}`, keyword, message: 'is required' };
  }
  if (keyword === 'additionalProperties') {
    return { path: `${instancePath}/${params.additionalProperty}`, keyword, message: 'is not a known field' };
  }
  if (keyword === 'false schema') {
    return { path: instancePath, keyword, message: 'must not be present' };
  }
  return { path: instancePath, keyword, message: message ?? keyword };
}

export function validateSchema(name: SchemaName, value: unknown): ValidationResult {
  return validateAt(`/components/schemas/${name}`, value);
}

/** A request body for `action`. Never throws, however deeply the body nests. */
export function validateRequest(action: Action, body: unknown): ValidationResult {
  const misshapen = bodyShapeIssue(body);
  return misshapen ? { valid: false, issues: [misshapen], schema: jsonPointer('components', 'schemas', actions[action].request) } : validateSchema(actions[action].request, body);
}

/** The `Result` of a successful `action`. */
export function validateResult(action: Action, result: unknown): ValidationResult {
  return validateSchema(actions[action].result, result);
}

/** The success envelope of `action`. */
export function validateResponse(action: Action, envelope: unknown): ValidationResult {
  return validateSchema(actions[action].response, envelope);
}

/** The error envelope, whatever the Action and HTTP status. */
export function validateErrorResponse(envelope: unknown): ValidationResult {
  return validateSchema('ErrorResponse', envelope);
}

/**
 * A whole HTTP reply of `action`: the body must match what the document says for that status
 * (for 200, the success or the error envelope), and the status must be documented at all.
 */
export function validateReply(action: Action, status: number, body: unknown): ValidationResult {
  const pointer = replySchemaPointer(action, status);
  if (!pointer) {
    // The status is wrong, and the body is still judged: as the envelope it claims to be.
    const envelope = claimedEnvelope(action, body);
    const statusIssue: ValidationIssue = { path: '', keyword: 'status', message: `HTTP ${status} is not documented for ${action}` };
    return { valid: false, issues: [statusIssue, ...(envelope.valid ? [] : envelope.issues)], schema: envelope.valid ? jsonPointer('components', 'schemas', actions[action].response) : envelope.schema };
  }
  const result = validateAt(pointer, body);
  if (result.valid || status !== 200) return result;
  // A 200 body is one of two envelopes: report the issues of the one it claims to be.
  return claimedEnvelope(action, body);
}

function claimedEnvelope(action: Action, body: unknown): ValidationResult {
  return hasError(body) ? validateErrorResponse(body) : validateResponse(action, body);
}

function hasError(body: unknown): boolean {
  const metadata = typeof body === 'object' && body !== null && 'ResponseMetadata' in body ? body.ResponseMetadata : undefined;
  return typeof metadata === 'object' && metadata !== null && 'Error' in metadata;
}

/** The JSON Pointer of the schema the document gives for `action`'s reply with `status`. */
export function replySchemaPointer(action: Action, status: number): string | undefined {
  const path = actions[action].path;
  const response = portraitDocument.paths[path]?.post?.responses[String(status)];
  if (!response) return undefined;
  const base = '$ref' in response ? response.$ref.slice(1) : jsonPointer('paths', path, 'post', 'responses', String(status));
  return resolveResponse(portraitDocument, response)?.content?.['application/json'] ? `${base}/content/application~1json/schema` : undefined;
}

/** Every `x-` key anywhere in the document. */
function extensionKeywords(document: unknown): string[] {
  const found = new Set<string>();
  const pending = [document];
  for (let node = pending.pop(); node !== undefined; node = pending.pop()) {
    if (typeof node !== 'object' || node === null) continue;
    for (const [key, value] of Object.entries(node)) {
      if (key.startsWith('x-')) found.add(key);
      pending.push(value);
    }
  }
  return [...found];
}

/** A JSON Pointer into the bundled document, written as a URI fragment (RFC 6901, section 6). */
export function jsonPointer(...segments: string[]): string {
  return segments.map((segment) => `/${encodeURIComponent(segment.replaceAll('~', '~0').replaceAll('/', '~1'))}`).join('');
}
