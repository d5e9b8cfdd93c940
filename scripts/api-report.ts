// `npm run api-report` writes api/<entry>.api.md, what each entry of the package exports;
// `-- --check` only reports the stale ones, as the test does. `--root <dir>` reads another
// checkout laid out like this one.
import { parseArgs } from 'node:util';
import { projectRoot } from './project-root.js';
import { apiReports, reportDir, staleReports, writeApiReports } from './surface/api-report.js';

const { values } = parseArgs({ options: { check: { type: 'boolean', default: false }, root: { type: 'string', default: projectRoot } } });
const reports = apiReports(values.root);
const stale = await staleReports(values.root, reports);
if (stale.length === 0) {
  console.log(`${reportDir}/ is up to date`);
} else if (values.check) {
  console.error(`${stale.join('\n')}\nThe public surface changed: run \`npm run api-report\` and commit ${reportDir}/ with the change, for review.`);
  process.exitCode = 1;
} else {
  await writeApiReports(values.root, reports);
  console.log(`Wrote:\n${stale.join('\n')}`);
}
