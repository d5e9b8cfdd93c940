// The document's links and flows: each link leads to an Action with a body that Action accepts,
// once the ids of the reply it follows are in it; each flow's steps are joined by links.
import { describe, expect, it } from 'vitest';
import { linkedBody } from '../../src/protocol/links.js';
import { actionNames, describeIssues, isAction, portraitDocument, successLinks, validateRequest, validateResult, type Action } from '../../src/protocol/index.js';
import { operationOf, responseExample } from '../support/examples.js';

const links = actionNames.flatMap((action) =>
  Object.entries(successLinks(portraitDocument, operationOf(action))).map(([name, link]) => ({ from: action, name, link })),
);

describe('links', () => {
  it('exist: the creating Actions and GetVisualValidateResult lead somewhere', () => {
    expect([...new Set(links.map(({ from }) => from))].sort()).toEqual(['CreateAsset', 'CreateAssetGroup', 'CreateVisualValidateSession', 'GetVisualValidateResult']);
  });

  it.each(links.map((entry) => [`${entry.from} -> ${entry.name}`, entry] as const))('%s: the body, with the ids of the success example, is a valid request', (_, { from, name, link }) => {
    expect(isAction(link.operationId), link.operationId).toBe(true);
    expect(name).toBe(link.operationId);
    const body = linkedBody(link.requestBody ?? {}, responseExample(from, 200, 'success'));
    expect(body, 'every expression finds its value in the reply').toBeDefined();
    const verdict = validateRequest(link.operationId as Action, body);
    expect(verdict.valid ? '' : describeIssues(verdict.issues)).toBe('');
  });
});

describe('linkedBody', () => {
  const reply = { ResponseMetadata: { RequestId: 'r' }, Result: { Id: 'group-1', 'a/b': 'slash' } };

  it('puts what the reply holds in place of each expression, and keeps literals', () => {
    expect(linkedBody({ GroupId: '{$response.body#/Result/Id}', AssetType: 'Image', Odd: '{$response.body#/Result/a~1b}' }, reply)).toEqual({ GroupId: 'group-1', AssetType: 'Image', Odd: 'slash' });
  });

  it('gives nothing when the reply lacks a value: an error reply leads nowhere', () => {
    expect(linkedBody({ Id: '{$response.body#/Result/Id}' }, { ResponseMetadata: { Error: { Code: 'NotFound' } } })).toBeUndefined();
    expect(linkedBody({ Id: '{$response.body#/Result/toString}' }, reply)).toBeUndefined();
  });
});

describe('flows', () => {
  const flows = portraitDocument['x-portrait-flows'] ?? [];

  it('are the two of the description: virtual portrait and real person', () => {
    expect(flows.map((flow) => flow.name)).toEqual(['Virtual portrait', 'Real person']);
  });

  it.each(flows.map((flow) => [flow.name, flow] as const))('%s: a step sent again does so on values its Result can hold', (_, flow) => {
    for (const [step, values] of Object.entries(flow.repeatWhile ?? {})) {
      expect(flow.steps).toContain(step);
      // Each 200 example that has a Result, with these values in it, is still a Result of the step.
      const success = operationOf(step as Action).responses['200'];
      const examples = Object.values((success && !('$ref' in success) && success.content?.['application/json']?.examples) || {});
      const results = examples.flatMap((example) => ((example.value as { Result?: object }).Result ? [(example.value as { Result: object }).Result] : []));
      expect(results.length, step).toBeGreaterThan(0);
      for (const result of results) {
        const verdict = validateResult(step as Action, { ...result, ...values });
        expect(verdict.valid ? '' : describeIssues(verdict.issues), step).toBe('');
      }
    }
  });

  it.each(flows.map((flow) => [flow.name, flow] as const))('%s: each step is an Action, and leads to the next through a link', (_, flow) => {
    expect(flow.steps.length).toBeGreaterThan(1);
    for (const [index, step] of flow.steps.entries()) {
      expect(isAction(step), step).toBe(true);
      const next = flow.steps[index + 1];
      if (next !== undefined) expect(links.some(({ from, link }) => from === step && link.operationId === next), `${step} -> ${next}`).toBe(true);
    }
  });
});
