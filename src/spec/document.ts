// The bundled OpenAPI document, as `npm run generate` wrote it.
import bundled from '../../generated/portrait.openapi.json' with { type: 'json' };

/** The parts of an OpenAPI document this toolkit walks; the rest is passed through untyped. */
export interface OpenApiDocument {
  openapi: string;
  info: { title: string; version: string };
  paths: Record<string, Record<string, OperationObject>>;
  components: {
    schemas: Record<string, unknown>;
    responses: Record<string, ResponseObject>;
  };
}

export interface OperationObject {
  operationId: string;
  tags: string[];
  requestBody: { content: Record<string, MediaTypeObject> };
  responses: Record<string, ResponseObject | { $ref: string }>;
}

export interface ResponseObject {
  description: string;
  content?: Record<string, MediaTypeObject>;
}

export interface MediaTypeObject {
  schema: unknown;
  examples?: Record<string, { summary?: string; value: unknown }>;
}

export const portraitDocument = bundled as unknown as OpenApiDocument;
