// `npm start`: the emulator (same flags as `npm run emulator`) with the docs site on the same
// origin: /docs (Redoc), /explorer (calls any Action through the typed client) and /spec/<file>
// (the generated views of the document). The site is
// rebuilt first when missing or older than the document or its sources.
import { buildSite, defaultSiteDir, siteIsStale, viewFiles, withSite } from './site/index.js';
import { fail, messageOf, runEmulatorCommand } from '../src/cli/emulator-command.js';

if (await siteIsStale()) {
  console.log('Building the docs site (npm run docs)...');
  await buildSite().catch((error: unknown) => fail(`The docs site did not build: ${messageOf(error)}`, 1));
}

const running = await runEmulatorCommand({ handler: (emulator) => withSite(emulator.answer, defaultSiteDir) });
console.log(`Docs:     ${running.url}/docs`);
console.log(`Explorer: ${running.url}/explorer`);
console.log(`OpenAPI:  ${viewFiles().map((file) => `${running.url}/spec/${file}`).join('\n          ')}`);
