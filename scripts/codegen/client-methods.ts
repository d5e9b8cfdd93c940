// generated/client-methods.ts: the client's methods, one per Action, each declared with a named
// signature and documented from its operation. An editor's hover then shows the summary, the
// first paragraph of the description, a link to the Action in the published docs and
// `createAssetGroup(body: RequestOf<"CreateAssetGroup">, options?: CallOptions)`, not the mapped
// type the client builds its methods with.
import { postOperations, resolveSchema, schemaNamed, type OpenApiDocument } from '../../src/protocol/document.js';
import { methodName } from '../../src/protocol/method-name.js';

/** Where an Action's request goes, and where the docs are: `docsUrl` ends in `/`, the Actions are its `#operation/<Action>`. */
export interface ClientMethodLinks {
  endpoint: string;
  docsUrl: string;
}

export function renderClientMethods(document: OpenApiDocument, banner: string, { endpoint, docsUrl }: ClientMethodLinks): string {
  const members = postOperations(document).map(({ operation }) => {
    const action = operation.operationId;
    const [firstParagraph = ''] = (operation.description ?? '').trim().split(/\n\s*\n/);
    const lines = [
      operation.summary ?? action,
      '',
      ...firstParagraph.split('\n').map((line) => line.trim()),
      '',
      `Sends \`POST ${endpoint}?Action=${action}&Version=${document.info.version}\`.`,
      '',
      `@see {@link ${docsUrl}#operation/${action} | ${action} in the Portrait API docs}`,
    ];
    const body = bodyIsOptional(document, action) ? 'body?' : 'body';
    const signature = `${methodName(action)}(${body}: RequestOf<'${action}'>, options?: CallOptions): Promise<WithMetadata<ResultOf<'${action}'>>>;`;
    return `  /**\n${lines.map((line) => `   *${line ? ` ${line.replaceAll('*/', '*\\/')}` : ''}`).join('\n')}\n   */\n  ${signature}`;
  });
  return [
    banner,
    "import type { CallOptions, WithMetadata } from '../src/client/call-types.js';",
    "import type { RequestOf, ResultOf } from '../src/protocol/action-types.js';",
    '',
    '/** The client\'s methods, one per Action, documented from the document. A body is optional where its Action requires no field. */',
    `export interface PortraitClientMethods {\n${members.join('\n')}\n}\n`,
  ].join('\n');
}

/** As the client's `call` has it: a request with no required field may be left out. */
function bodyIsOptional(document: OpenApiDocument, action: string): boolean {
  const request = schemaNamed(document, `${action}Request`);
  if (!request) throw new Error(`components.schemas.${action}Request is missing`);
  return (resolveSchema(document, request).required ?? []).length === 0;
}
