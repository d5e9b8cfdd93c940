import { describe, expect, it } from 'vitest';
import {
  actionNames,
  describeIssues,
  jsonPointer,
  portraitDocument,
  resolveResponse,
  validateAt,
  validateReply,
  validateRequest,
  type Action,
  type ValidationResult,
} from '../../src/protocol/index.js';
import { operationOf, requestExamples } from '../support/examples.js';

interface Envelope {
  ResponseMetadata?: { Action?: string; Error?: { Code?: string } };
  Result?: unknown;
}

/** Every response example of `action`, with its HTTP status and whether it is shared between Actions. */
function responseExamples(action: Action) {
  return Object.entries(operationOf(action).responses).flatMap(([status, response]) => {
    const shared = '$ref' in response;
    const resolved = resolveResponse(portraitDocument, response);
    const examples = resolved?.content?.['application/json']?.examples ?? {};
    return Object.entries(examples).map(([name, example]) => ({
      status: Number(status),
      name,
      shared,
      value: example.value as Envelope,
    }));
  });
}

/** Every `examples` array of a schema anywhere in the document, with the schema's pointer. */
function schemaExamples(node: unknown, segments: string[] = []): { pointer: string; example: unknown }[] {
  if (typeof node !== 'object' || node === null) return [];
  const own = 'examples' in node && Array.isArray(node.examples)
    ? node.examples.map((example: unknown) => ({ pointer: jsonPointer(...segments), example }))
    : [];
  return own.concat(Object.entries(node).flatMap(([key, child]) => schemaExamples(child, [...segments, key])));
}

function expectValid(result: ValidationResult) {
  expect(result.valid ? '' : describeIssues(result.issues)).toBe('');
}

describe.each(actionNames)('%s examples', (action) => {
  it.each(requestExamples(action))('request example %s is a valid request', (_, example) => {
    expectValid(validateRequest(action, example.value));
  });

  it.each(responseExamples(action).map((e) => [`${e.status} ${e.name}`, e] as const))(
    'response example %s matches the documented reply',
    (_, { status, value }) => {
      expectValid(validateReply(action, status, value));
    },
  );

  it('shows a success and at least one error of its own', () => {
    const own = responseExamples(action).filter((example) => !example.shared);
    expect(own.some(({ status, value }) => status === 200 && value.Result !== undefined)).toBe(true);
    expect(own.some(({ value }) => value.ResponseMetadata?.Error !== undefined)).toBe(true);
    for (const { value } of own) expect(value.ResponseMetadata?.Action).toBe(action);
  });
});

describe('schema examples', () => {
  const examples = schemaExamples(portraitDocument);

  it('exist', () => {
    expect(examples.length).toBeGreaterThan(20);
  });

  it.each(examples.map(({ pointer, example }) => [pointer, example] as const))('%s: %j is valid', (pointer, example) => {
    expectValid(validateAt(pointer, example));
  });
});

// The reference's own examples, with the ids and values it gives, are among the document's.
describe('the reference examples', () => {
  const cases: { action: Action; request: object; result: object }[] = [
    {
      action: 'CreateAssetGroup',
      request: { GroupType: 'AIGC', Name: 'avatar-001', Title: 'Avatar 001', Description: 'Virtual presenter' },
      result: { Id: 'group-20260518163348-xtzxl' },
    },
    {
      action: 'CreateAsset',
      request: { GroupId: 'group-20260331145705-xxxxx', URL: 'https://example.com/portrait.png', AssetType: 'Image', Name: 'front-face' },
      result: { Id: 'asset-20260318035710-xxxxx' },
    },
    {
      action: 'CreateVisualValidateSession',
      request: { CallbackURL: 'https://www.example.com/portrait/callback', ProjectName: 'default' },
      result: {
        BytedToken: '20260516170000EXAMPLE',
        H5Link: 'https://h5-v2.kych5.com?...',
        CallbackURL: 'https://www.example.com/portrait/callback',
      },
    },
    {
      action: 'GetVisualValidateResult',
      request: { BytedToken: '20260516170000EXAMPLE', ProjectName: 'default' },
      result: { GroupId: 'group-20260516170001-example' },
    },
  ];

  it.each(cases)('$action', ({ action, request, result }) => {
    expect(requestExamples(action).map(([, example]) => example.value)).toContainEqual(request);
    expect(responseExamples(action).map(({ value }) => value.Result)).toContainEqual(result);
  });
});
