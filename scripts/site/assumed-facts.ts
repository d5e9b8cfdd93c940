// What the document assumes, shown where people read it: each assumed schema, property and keyword
// marked in its own description, and one table of every assumed fact, in the docs' introduction
// and in docs/facts.md (a test holds that copy to this one).
import { assumedSchemaParts, assumptions, type Assumption } from '../../src/protocol/fact-sources.js';
import type { OpenApiDocument } from '../../src/protocol/document.js';

const mark = '**Assumed** (neither the reference nor the upstream says so; the toolkit chose):';

/** The assumed facts as a Markdown table, one row each. */
export function assumptionsTable(document: OpenApiDocument): string {
  const cell = (text: string) => text.replaceAll('|', '\\|').replace(/\s+/g, ' ').trim();
  const rows = assumptions(document).map(({ fact, says }: Assumption) => `| \`${cell(fact)}\` | ${cell(says)} |`);
  return ['| Fact | What the document assumes |', '| --- | --- |', ...rows].join('\n');
}

/** A copy of `document` whose descriptions say which schemas, properties and keywords are assumed, with the table in its introduction. */
export function withAssumptionsShown(document: OpenApiDocument): OpenApiDocument {
  const table = assumptionsTable(document);
  const copy = structuredClone(document);
  for (const { schema, keyword } of assumedSchemaParts(copy)) {
    const note = keyword === undefined ? `${mark} all of it.` : `${mark} \`${keyword}: ${JSON.stringify((schema as Record<string, unknown>)[keyword])}\`.`;
    schema.description = [schema.description, note].filter(Boolean).join('\n\n');
  }
  copy.info.description = [
    copy.info.description,
    '## What the document assumes',
    'Where neither the Portrait reference nor the upstream says how the API behaves, the toolkit chose, and the emulator, the mock and the contract checks follow that choice. A real server may differ on any of these without breaking the contract: `portrait-contract` reports it as differing from an assumption.',
    table,
  ]
    .filter(Boolean)
    .join('\n\n');
  return copy;
}
