// docs/facts.md's table of what the document assumes is the one the document gives: a fact assumed, or no
// longer assumed, changes both.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { projectRoot } from '../../scripts/project-root.js';
import { assumptionsTable } from '../../scripts/site/assumed-facts.js';
import { portraitDocument } from '../../src/protocol/index.js';

it("docs/facts.md's table of assumptions is the document's", () => {
  const readme = readFileSync(join(projectRoot, 'docs/facts.md'), 'utf8');
  const start = readme.indexOf('| Fact | What the document assumes |');
  expect(start).toBeGreaterThan(0);
  const end = readme.indexOf('\n\n', start);
  expect(readme.slice(start, end)).toBe(assumptionsTable(portraitDocument));
});
