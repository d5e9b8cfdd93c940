// What the explorer shows of each Action, read from the bundled document when the site is
// built: its name, tag, summary, path and request examples. No schema is copied: the server
// judges every body, and the typed client turns its replies into results or errors.

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

// The few parts of an OpenAPI document read here; anything missing is shown as empty.
interface DocumentView {
  info?: { title?: string; version?: string; summary?: string };
  tags?: { name: string; description?: string }[];
  paths?: Record<string, { post?: OperationView }>;
}

interface OperationView {
  operationId?: string;
  summary?: string;
  tags?: string[];
  requestBody?: { content?: Record<string, { examples?: Record<string, { summary?: string; value?: unknown }> }> };
}

/** Every Action of `document`, grouped by tag in the document's tag order. */
export function explorerData(document: unknown): ExplorerData {
  const view = document as DocumentView;
  const tags = new Map<string, ExplorerTag>();
  for (const tag of view.tags ?? []) tags.set(tag.name, { name: tag.name, description: tag.description ?? '', actions: [] });
  for (const [path, item] of Object.entries(view.paths ?? {})) {
    const operation = item.post;
    if (!operation?.operationId) continue;
    const tagName = operation.tags?.[0] ?? 'Other';
    const tag = tags.get(tagName) ?? { name: tagName, description: '', actions: [] };
    tags.set(tagName, tag);
    const examples = operation.requestBody?.content?.['application/json']?.examples ?? {};
    tag.actions.push({
      action: operation.operationId,
      summary: operation.summary ?? '',
      path,
      examples: Object.entries(examples).map(([name, example]) => ({ name, summary: example.summary ?? name, value: example.value ?? {} })),
    });
  }
  return {
    title: view.info?.title ?? 'API',
    version: view.info?.version ?? '',
    summary: view.info?.summary ?? '',
    tags: [...tags.values()].filter((tag) => tag.actions.length > 0),
  };
}
