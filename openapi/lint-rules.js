// Redocly rules that hold the document to the Portrait API's conventions (see redocly.yaml).
const actionKey = /^\/portrait\/\?Action=([A-Za-z]+)&Version=([0-9-]+)$/;

/** Each path key is `/portrait/?Action=<Action>&Version=<info.version>` with one post operation named <Action>. */
function operationIdIsAction() {
  let version;
  return {
    Info(info) {
      version = info.version;
    },
    Paths(paths, ctx) {
      for (const [key, ref] of Object.entries(paths)) {
        const location = ctx.location.child([key]);
        const match = actionKey.exec(key);
        if (!match) {
          ctx.report({ message: `Path key must be /portrait/?Action=<Action>&Version=${version}.`, location: location.key() });
          continue;
        }
        const [, action, keyVersion] = match;
        if (keyVersion !== version) {
          ctx.report({ message: `Version in the key must be info.version (${version}).`, location: location.key() });
        }
        const item = ctx.resolve(ref).node ?? {};
        const methods = Object.keys(item).filter((k) => !k.startsWith('x-') && k !== 'summary' && k !== 'description');
        if (methods.length !== 1 || methods[0] !== 'post') {
          ctx.report({ message: `${action} must have exactly one operation, post.`, location: location.key() });
        }
        if (item.post && item.post.operationId !== action) {
          ctx.report({ message: `operationId must be "${action}", the Action in the path key.`, location: location.key() });
        }
      }
    },
  };
}

/** Every Action shows a request example and, for HTTP 200, a success and an error example. */
function operationHasExamples() {
  const examplesOf = (mediaType) => Object.values(mediaType?.examples ?? {});
  const checkAction = (operation, ctx) => {
    const request = ctx.resolve(operation.requestBody).node?.content?.['application/json'];
    if (examplesOf(request).length === 0) {
      ctx.report({ message: 'The JSON request body needs at least one named example.', location: ctx.location.child(['requestBody']) });
    }
    const ok = ctx.resolve(operation.responses?.['200']).node?.content?.['application/json'];
    const values = examplesOf(ok).map((example) => ctx.resolve(example).node?.value);
    if (!values.some((value) => value && 'Result' in value)) {
      ctx.report({ message: 'The 200 response needs a success example (with Result).', location: ctx.location.child(['responses', '200']) });
    }
    if (!values.some((value) => value?.ResponseMetadata?.Error)) {
      ctx.report({ message: 'The 200 response needs an error example (ResponseMetadata.Error).', location: ctx.location.child(['responses', '200']) });
    }
  };
  // Operations under paths only: a webhook (the liveness callback) is not an Action.
  return { Paths: { PathItem: { Operation: checkAction } } };
}

/**
 * Every property says what it is in a description of its own: editors show it on hover from the
 * generated types, and a `$ref`'s target describes the value, not the field that holds it.
 */
function propertyHasDescription() {
  return {
    SchemaProperties(properties, ctx) {
      for (const [name, property] of Object.entries(properties)) {
        // `false` (never present) is a schema with no room for words, and needs none.
        if (property === false) continue;
        if (typeof property?.description === 'string' && property.description.trim() !== '') continue;
        ctx.report({ message: `Property ${name} needs a description of its own.`, location: ctx.location.child([name]).key() });
      }
    },
  };
}

export default function portraitConventions() {
  return {
    id: 'portrait',
    rules: {
      oas3: {
        'operation-id-is-action': operationIdIsAction,
        'operation-has-examples': operationHasExamples,
        'property-has-description': propertyHasDescription,
      },
    },
  };
}
