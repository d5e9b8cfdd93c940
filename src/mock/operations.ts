// Prism's view of the document, one operation per Action. Prism routes on the URL path alone and
// every Action shares one endpoint, so the front picks the operation itself and hands Prism only
// that one, with its path rewritten to the path the request really has.
import type { getHttpOperationsFromSpec } from '@stoplight/prism-http';
import { actionNames, portraitDocument, protocol, type Action } from '../protocol/index.js';
import type { PrismPackages } from './prism-packages.js';

export type HttpOperation = Awaited<ReturnType<typeof getHttpOperationsFromSpec>>[number];

export interface ActionOperation {
  operation: HttpOperation;
  /** Example name -> the response status that holds it; the first status wins if names repeat. */
  exampleStatus: ReadonlyMap<string, number>;
}

export type ActionOperations = ReadonlyMap<Action, ActionOperation>;

/**
 * The operations, made once for each Prism loaded: nothing changes them, and Prism keeps the
 * validators it compiles by schema object, so every mock of a process (a test suite starts dozens)
 * shares both instead of dereferencing the document and compiling each schema again. They stay
 * for the process's life: about a megabyte.
 */
const loaded = new WeakMap<PrismPackages['http'], Promise<ActionOperations>>();

export function loadActionOperations({ http }: PrismPackages): Promise<ActionOperations> {
  let operations = loaded.get(http);
  if (!operations) {
    operations = actionOperations(http);
    loaded.set(http, operations);
    // A failure is not kept: the next start tries again.
    operations.catch(() => loaded.delete(http));
  }
  return operations;
}

async function actionOperations(http: PrismPackages['http']): Promise<ActionOperations> {
  // The ref parser dereferences in place; the validators share portraitDocument, so give it a copy.
  const operations = await http.getHttpOperationsFromSpec(structuredClone(portraitDocument));
  const byAction = new Map<Action, ActionOperation>();
  for (const action of actionNames) {
    const found = operations.find((operation) => operation.iid === action);
    if (!found) throw new Error(`The bundled document has no operation ${action}`);
    const operation: HttpOperation = { ...found, path: protocol.endpoint };
    byAction.set(action, { operation, exampleStatus: indexExamples(operation) });
  }
  return byAction;
}

// Prism can only pick an example by name within one status, and shared responses
// (components.responses, already dereferenced here) hold names too, so the front finds the status.
function indexExamples(operation: HttpOperation): Map<string, number> {
  const index = new Map<string, number>();
  for (const response of operation.responses) {
    const status = Number(response.code);
    if (!Number.isInteger(status)) continue;
    for (const content of response.contents ?? []) {
      for (const example of content.examples ?? []) {
        if (!index.has(example.key)) index.set(example.key, status);
      }
    }
  }
  return index;
}
