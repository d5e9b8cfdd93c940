// The door to generated/ for code: the facts and types `npm run generate` derives from the
// document. The rest of src/ imports them from here, never by a path into generated/, but for
// generated/client-methods.ts: the client's method declarations name the client's own types, so
// only src/client/client.ts imports them. The bundled document itself comes through
// portrait-document.ts, so that code which needs only facts (the client, in browsers too) does
// not load it.
export * from '../../generated/protocol.js';
export type { components, paths } from '../../generated/schema.js';
