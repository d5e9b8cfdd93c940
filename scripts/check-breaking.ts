// `npm run check:breaking`: lists what in the current document would break clients of the last
// release (openapi/released/), and exits 1 when anything would unless package.json's version is a
// new major one (below 1.0, a new minor) since that release (scripts/release/check-breaking.ts).
// `npm run check:breaking -- --release` records the current document and version as the release.
// `--root <dir>` reads another checkout laid out like this one.
import { parseArgs } from 'node:util';
import { projectRoot } from './project-root.js';
import { checkBreaking } from './release/check-breaking.js';

const { values } = parseArgs({ options: { release: { type: 'boolean', default: false }, root: { type: 'string', default: projectRoot } } });
const { code, output } = await checkBreaking(values.root, { release: values.release });
process.stdout.write(output);
process.exitCode = code;
