// What the explorer shows of each Action, read from the bundled document when the site is
// built: its name, tag, summary, path and request examples. No schema is copied: the server
// judges every body, and the typed client turns its replies into results or errors.
import { postOperations, type OpenApiDocument } from '../../src/protocol/document.js';

export interface ExplorerExample {
  /** The example's key in the document, such as `reference`. */
  name: string;
  summary: string;
  value: unknown;
}

export interface ExplorerAction {
  action: string;
  summary: string;
  /** `/portrait/?Action=<Action>&Version=2024-01-01` */
  path: string;
  examples: ExplorerExample[];
}

export interface ExplorerTag {
  name: string;
  description: string;
  actions: ExplorerAction[];
}

export interface ExplorerData {
  title: string;
  version: string;
  summary: string;
  tags: ExplorerTag[];
}

/** Every Action of `document`, grouped by tag in the document's tag order. */
export function explorerData(document: OpenApiDocument): ExplorerData {
  const tags = new Map<string, ExplorerTag>();
  for (const tag of document.tags ?? []) tags.set(tag.name, { name: tag.name, description: tag.description ?? '', actions: [] });
  for (const { path, operation } of postOperations(document)) {
    const tagName = operation.tags[0] ?? 'Other';
    const tag = tags.get(tagName) ?? { name: tagName, description: '', actions: [] };
    tags.set(tagName, tag);
    const examples = operation.requestBody.content['application/json']?.examples ?? {};
    tag.actions.push({
      action: operation.operationId,
      summary: operation.summary ?? '',
      path,
      examples: Object.entries(examples).map(([name, example]) => ({ name, summary: example.summary ?? name, value: example.value ?? {} })),
    });
  }
  return {
    title: document.info.title,
    version: document.info.version,
    summary: document.info.summary ?? '',
    tags: [...tags.values()].filter((tag) => tag.actions.length > 0),
  };
}
