// `npm start`: the emulator (same flags as `npm run emulator`) with the docs site on the same
// origin: /docs (Redoc) and /explorer (calls any Action through the typed client). The site is
// rebuilt first when missing or older than the document or its sources.
import { buildSite, defaultSiteDir, siteIsStale, withSite } from './site/index.js';
import { fail, messageOf, runEmulatorCommand } from '../src/cli/emulator-command.js';

if (await siteIsStale()) {
  console.log('Building the docs site (npm run docs)...');
  await buildSite().catch((error: unknown) => fail(`The docs site did not build: ${messageOf(error)}`, 1));
}

const running = await runEmulatorCommand({ handler: (emulator) => withSite(emulator.answer, defaultSiteDir) });
console.log(`Docs:     ${running.url}/docs`);
console.log(`Explorer: ${running.url}/explorer`);
