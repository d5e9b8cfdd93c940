// `npm run docs`: writes the reference docs, the try-it page and the explorer, each one
// self-contained HTML page, to dist/site/<page>/index.html (see scripts/site).
import { relative } from 'node:path';
import { buildSite } from './site/index.js';

try {
  const started = performance.now();
  const files = await buildSite();
  for (const file of Object.values(files)) console.log(`wrote ${relative(process.cwd(), file)}`);
  console.log(`built in ${((performance.now() - started) / 1000).toFixed(1)} s`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
