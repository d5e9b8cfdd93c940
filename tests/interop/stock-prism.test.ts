// Stock `prism mock`, the CLI as anyone installs it, given the single-endpoint view: it answers
// every Action at `POST /portrait/?Action=<Action>&Version=2024-01-01` and refuses an Action the
// view does not list. A `Prefer: example=<Action>_<name>` header picks the reply of that Action.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { projectRoot } from '../../scripts/project-root.js';
import { actionNames, apiVersion, validateReply } from '../../src/protocol/index.js';
import { startCommand, type RunningCommand } from '../package/registry.js';
import { firstRequestExample } from '../support/examples.js';

const viewFile = join(projectRoot, 'generated/portrait.single-endpoint.openapi.json');
const view = JSON.parse(await readFile(viewFile, 'utf8')) as {
  paths: Record<string, { post: { responses: { 200: { content: { 'application/json': { examples: Record<string, { value: { ResponseMetadata: { Error?: unknown } } }> } } } } } }>;
};
const okExamples = Object.entries(view.paths['/portrait/']?.post.responses[200].content['application/json'].examples ?? {});

let prism: RunningCommand;
let url: string;
beforeAll(async () => {
  prism = startCommand(join(projectRoot, 'node_modules/.bin/prism'), ['mock', viewFile, '--host', '127.0.0.1', '--port', '0'], projectRoot);
  [, url = ''] = await prism.waitFor(/Prism is listening on (http:\/\/127\.0\.0\.1:\d+)/);
}, 120_000);
afterAll(() => prism?.stop());

const post = (action: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${url}/portrait/?Action=${action}&Version=${apiVersion}`, {
    method: 'POST',
    headers: { authorization: 'Bearer demo-key', 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

it.each(actionNames)('answers %s with a success envelope, that Action\'s own when asked by Prefer', async (action) => {
  const plain = await post(action, firstRequestExample(action));
  expect(plain.status).toBe(200);
  // Without Prefer, Prism answers the first 200 example of the view, whichever Action was called.
  const first = (await plain.json()) as { ResponseMetadata: { Action: string } };
  const [firstName, firstExample] = okExamples[0] ?? [];
  expect(first).toEqual(firstExample?.value);
  expect(validateReply(firstName?.split('_')[0] as typeof action, 200, first).valid).toBe(true);

  const [name] = okExamples.find(([key, example]) => key.startsWith(`${action}_`) && !example.value.ResponseMetadata.Error) ?? [];
  const own = await post(action, firstRequestExample(action), { prefer: `example=${name}` });
  expect(own.status).toBe(200);
  const body = (await own.json()) as { ResponseMetadata: { Action: string } };
  expect(body.ResponseMetadata.Action).toBe(action);
  expect(validateReply(action, 200, body).valid).toBe(true);
});

it('refuses an Action the view does not list, and a body no Action takes', async () => {
  // Prism answers an invalid request with the documented 400 example and says why in sl-violations.
  const unknown = await post('DropDatabase', {});
  expect(unknown.status).toBe(400);
  expect(unknown.headers.get('sl-violations')).toMatch(/"location":\["request","query","action"\].*"code":"enum"/);
  const badBody = await post('GetAsset', { Id: 42 });
  expect(badBody.status).toBe(400);
  expect(badBody.headers.get('sl-violations')).toMatch(/"location":\["request","body","Id"\].*"code":"type"/);
});
