// The try-it page's set-up of Swagger UI: the document inline, no validator badge (it would
// fetch validator.swagger.io), the Action names shown, "Try it out" already on, deep links
// followed, and the key kept across reloads.
import type { OpenApiDocument } from '../../src/protocol/document.js';
import { loopbackDemoKey, servingOrigin } from './page-origin.js';
import { followDeepLinks, type DeepLinkLayout } from './try-deep-links.js';

interface SwaggerUi {
  preauthorizeApiKey(scheme: string, key: string): void;
  authSelectors: { authorized(): { size: number } };
  layoutActions: DeepLinkLayout;
}
declare const SwaggerUIBundle: ((options: Record<string, unknown>) => SwaggerUi) & { presets: { apis: unknown } };

const portraitDocument = JSON.parse(document.getElementById('portrait-document')?.textContent ?? '{}') as OpenApiDocument;

// The origin serving the page is the API to try first: it leads the servers list, in place of
// the document's local one.
if (servingOrigin) {
  const others = (portraitDocument.servers ?? []).filter((server) => !server.url.startsWith('http://127.0.0.1'));
  portraitDocument.servers = [{ url: servingOrigin, description: 'The server of this page' }, ...others];
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
  // In localStorage, for this origin only; the page's intro says what that costs.
  persistAuthorization: true,
  defaultModelsExpandDepth: -1,
  onComplete() {
    // A key restored from an earlier visit is the user's choice: the demo key must not replace it.
    if (loopbackDemoKey && ui.authSelectors.authorized().size === 0) ui.preauthorizeApiKey('bearerAuth', loopbackDemoKey);
    document.body.dataset.ready = 'true';
  },
});

followDeepLinks(ui.layoutActions);
