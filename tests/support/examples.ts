// The document's own examples, looked up by Action, for tests that send or compare them.
import { actions, portraitDocument, type Action } from '../../src/protocol/index.js';

export function operationOf(action: Action) {
  const found = portraitDocument.paths[actions[action].path]?.post;
  if (!found) throw new Error(`${action} is not in the document`);
  return found;
}

/** [name, example] pairs of the Action's request examples. */
export function requestExamples(action: Action) {
  return Object.entries(operationOf(action).requestBody.content['application/json']?.examples ?? {});
}

export function firstRequestExample(action: Action): object {
  const [first] = requestExamples(action);
  if (!first) throw new Error(`${action} has no request example`);
  return first[1].value as object;
}

/** The example named `name` among `action`'s own (not shared) responses with `status`, as a copy. */
export function responseExample(action: Action, status: number, name: string): unknown {
  const response = operationOf(action).responses[String(status)];
  const example = response && !('$ref' in response) ? response.content?.['application/json']?.examples?.[name] : undefined;
  if (!example) throw new Error(`${action} has no ${status} example ${name}`);
  return structuredClone(example.value);
}
