// The door to generated/ for the bundled document, typed by the document model.
import bundled from '../../generated/portrait.openapi.json' with { type: 'json' };
import type { OpenApiDocument } from './document.js';

/** The bundled Portrait document, as `npm run generate` wrote it. */
export const portraitDocument = bundled as unknown as OpenApiDocument;
