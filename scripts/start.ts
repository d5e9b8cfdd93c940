// `npm start`: the emulator (same flags as `npm run emulator`) with the docs site on the same
// origin: /docs (Redoc), /try (Swagger UI's try-it), /explorer (calls any Action through the typed
// client) and /spec/<file> (the generated views of the document). The site is rebuilt first when
// missing or older than the document or its sources.
import { fail, messageOf } from '../src/cli/command-line.js';
import { emulatorCommandLine, runEmulatorCommand } from '../src/cli/emulator-command.js';

// The site's code loads once the flags are read: the usage and a usage error start in a fraction of the time.
const site = () => import('./site/index.js');

async function buildSiteWhenStale({ buildSite, siteIsStale }: Awaited<ReturnType<typeof site>>) {
  if (!(await siteIsStale())) return;
  console.log('Building the docs site (npm run docs)...');
  await buildSite().catch((error: unknown) => fail(`The docs site did not build: ${messageOf(error)}`, 1));
}

const command = emulatorCommandLine('npm start --', 'The Portrait emulator with its docs (/docs), try-it (/try), the explorer (/explorer) and the views of the document (/spec/<file>) on one origin.');
const running = await runEmulatorCommand(command, {
  prepare: async () => {
    const loaded = await site();
    await buildSiteWhenStale(loaded);
    return { handler: (emulator) => loaded.withSite(emulator.answer, loaded.defaultSiteDir) };
  },
});
const { viewFiles } = await site();
console.log(`Docs:     ${running.url}/docs`);
console.log(`Try it:   ${running.url}/try`);
console.log(`Explorer: ${running.url}/explorer`);
console.log(`OpenAPI:  ${viewFiles().map((file) => `${running.url}/spec/${file}`).join('\n          ')}`);
