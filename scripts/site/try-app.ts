// The try-it page's set-up of Swagger UI: the document inline, no validator badge (it would
// fetch validator.swagger.io), the Action names shown, and "Try it out" already on.
import type { OpenApiDocument } from '../../src/protocol/document.js';

interface SwaggerUi {
  preauthorizeApiKey(scheme: string, key: string): void;
}
declare const SwaggerUIBundle: ((options: Record<string, unknown>) => SwaggerUi) & { presets: { apis: unknown } };

const portraitDocument = JSON.parse(document.getElementById('portrait-document')?.textContent ?? '{}') as OpenApiDocument;

// Served over http(s), the page is usually served by the emulator (`npm start`), which is also
// the API to try first: its origin leads the servers list, in place of the document's local one.
if (location.protocol === 'http:' || location.protocol === 'https:') {
  const others = (portraitDocument.servers ?? []).filter((server) => !server.url.startsWith('http://127.0.0.1'));
  portraitDocument.servers = [{ url: location.origin, description: 'The server of this page' }, ...others];
}

const ui = SwaggerUIBundle({
  spec: portraitDocument,
  dom_id: '#swagger-ui',
  presets: [SwaggerUIBundle.presets.apis],
  layout: 'BaseLayout',
  validatorUrl: null,
  displayOperationId: true,
  tryItOutEnabled: true,
  deepLinking: true,
  defaultModelsExpandDepth: -1,
  onComplete() {
    // The emulator listens on loopback only and knows its demo key; anywhere else the key is the user's to give.
    if (['127.0.0.1', 'localhost', '[::1]'].includes(location.hostname)) ui.preauthorizeApiKey('bearerAuth', 'demo-key');
    document.body.dataset.ready = 'true';
  },
});
