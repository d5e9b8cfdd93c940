// The document meets the real API: payloads of the upstream, written down by people who never saw
// this repository (its reference pages, its real-person guide with its own sample program's output,
// notes of a live probe), each with its source. Every request must validate and be taken by the
// emulator and the mock; every reply must validate as its Action's reply. What the document
// declines of the upstream is refused here on purpose, each with the reason README gives.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../scripts/project-root.js';
import { createEmulator } from '../../src/emulator/index.js';
import { startMock, type RunningMock } from '../../src/mock/index.js';
import { apiVersion, describeIssues, isAction, portraitDocument, protocol, schemaNamed, validateReply, validateRequest, validateResult, validateSchema, type Action, type ValidationResult } from '../../src/protocol/index.js';

interface UpstreamExample {
  action: string;
  kind: 'request' | 'response' | 'result' | 'callback';
  json: unknown;
  source: { repo: string; path: string; commit: string };
  note: string;
}

const load = (file: string) => JSON.parse(readFileSync(join(projectRoot, 'tests/protocol/upstream', file), 'utf8')) as UpstreamExample[];
// examples.json: the upstream payloads the issue came with (shared/reference); more-examples.json:
// the rest of those sources' payloads, templates with placeholders left out.
const examples = [...load('examples.json'), ...load('more-examples.json')];
const named = examples.map((example, index) => ({ ...example, name: `${index + 1}. ${example.action} ${example.kind} (${example.source.repo})` }));

function issuesOf(result: ValidationResult): string {
  return result.valid ? '' : describeIssues(result.issues);
}

function actionOf(example: UpstreamExample): Action {
  if (!isAction(example.action)) throw new Error(`${example.action} is no Action`);
  return example.action;
}

it('holds payloads of every kind, from every source', () => {
  expect(new Set(examples.map((example) => example.kind))).toEqual(new Set(['request', 'response', 'result', 'callback']));
  expect(new Set(examples.map((example) => example.source.repo)).size).toBeGreaterThanOrEqual(2);
  expect(examples.length).toBeGreaterThan(40);
});

describe('every upstream payload passes the validators', () => {
  it.each(named)('$name', (example) => {
    switch (example.kind) {
      case 'request':
        expect(issuesOf(validateRequest(actionOf(example), example.json))).toBe('');
        break;
      case 'response':
        // As the Action's reply, whatever envelope it is: the HTTP 200 its sources show.
        expect(issuesOf(validateReply(actionOf(example), 200, example.json))).toBe('');
        break;
      case 'result':
        // The upstream's pages print some Results bare, as an SDK shows them; the Result must still fit.
        expect(issuesOf(validateResult(actionOf(example), example.json))).toBe('');
        break;
      case 'callback':
        expect(issuesOf(validateSchema('LivenessCallbackQuery', example.json))).toBe('');
        break;
      default:
        throw new Error(`unknown kind ${String(example.kind)}`);
    }
  });
});

const requests = named.filter((example) => example.kind === 'request');
const body = (example: UpstreamExample) => JSON.stringify(example.json);
const post = (base: string, example: UpstreamExample) =>
  new Request(`${base}${protocol.endpoint}?Action=${example.action}&Version=${apiVersion}`, {
    method: 'POST',
    headers: { Authorization: 'Bearer demo-key', 'Content-Type': 'application/json' },
    body: body(example),
  });

/** The error code of a reply, if it is an error. */
async function errorCodeOf(response: Response): Promise<string | undefined> {
  const envelope = (await response.json()) as { ResponseMetadata?: { Error?: { Code?: string } } };
  return envelope.ResponseMetadata?.Error?.Code;
}

describe('the test doubles take every upstream request', () => {
  let mock: RunningMock;
  beforeAll(async () => {
    mock = await startMock({ port: 0 });
  }, 120_000);
  afterAll(async () => {
    await mock?.close();
  });

  // The emulator knows none of the upstream's ids: NotFound is its verdict on state, not a refusal.
  it.each(requests)('the emulator: $name', async (example) => {
    const emulator = createEmulator({ processingDelayMs: 0 });
    const response = await emulator.handle(post('http://emulator.local', example));
    const code = await errorCodeOf(response);
    expect(code ?? '', `${response.status} ${code ?? ''}`).not.toMatch(/^(MissingParameter|InvalidParameter)\b/);
  });

  it.each(requests)('the mock: $name', async (example) => {
    const response = await fetch(post(mock.url, example));
    expect([response.status, await errorCodeOf(response)]).toEqual([200, undefined]);
  });
});

describe('what the document declines, on purpose', () => {
  it("the live probe's MaxResults paging: the reference pages ListAssetGroups with PageNumber and PageSize", () => {
    const probe = { Filter: { GroupType: 'AIGC' }, MaxResults: 5, ProjectName: 'default' };
    const check = validateRequest('ListAssetGroups', probe);
    expect(check.valid ? [] : check.issues.map((issue) => issue.path)).toEqual(['/MaxResults']);
  });

  it("a failed asset's Error object: the reference names it FailedReason, and Error is not the item's", () => {
    const item = validateSchema('AssetItem', {
      Id: 'asset-20260318035710-xxxxx',
      GroupId: 'group-20260331145705-xxxxx',
      Name: 'front-face',
      AssetType: 'Image',
      Status: 'Failed',
      URL: '',
      Error: { Code: 'InvalidImage', Message: 'The image could not be decoded.' },
      CreateTime: '2026-03-18T07:20:30Z',
      UpdateTime: '2026-03-18T07:20:49Z',
    });
    // Servers may add fields, so the upstream's Error passes; FailedReason is what the document names.
    expect(item).toEqual({ valid: true });
    const properties = Object.keys(schemaNamed(portraitDocument, 'AssetItem')?.properties ?? {});
    expect(properties).toContain('FailedReason');
    expect(properties).not.toContain('Error');
  });
});
