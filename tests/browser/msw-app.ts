// A web app's test page, bundled for the browser by msw-worker.test.ts: MSW's service worker
// answers the typed client's Portrait calls from an emulator running in the page, and the page
// shows what it got.
import { setupWorker } from 'msw/browser';
import { createPortraitClient, PortraitError } from '../../src/client/index.js';
import { createEmulator } from '../../src/emulator/portable.js';
import { portraitHandlers } from '../../src/msw/index.js';

/** Another origin than the page's, as a web app calls the API: no request may reach it. */
const baseUrl = 'https://portrait.test/v1';

async function run() {
  const emulator = createEmulator({ processingDelayMs: 0, rateLimits: false });
  const worker = setupWorker(...portraitHandlers(emulator, { baseUrl }));
  await worker.start({ serviceWorker: { url: '/mockServiceWorker.js' }, onUnhandledRequest: 'bypass', quiet: true });

  const client = createPortraitClient({ apiKey: 'demo-key', baseUrl, maxRetries: 0 });
  const { Id: GroupId } = await client.createAssetGroup({ Name: 'presenter' });
  const { Id } = await client.createAsset({ GroupId, URL: 'https://cdn.example.com/face.png', AssetType: 'Image' });
  const asset = await client.getAsset({ Id });
  const listed = await client.listAssets({ Filter: { GroupIds: [GroupId] } });
  const error = await client.getAsset({ Id: 'asset-20260318072044-zzzzz' }).catch((e: unknown) => e);
  // A request that is not a Portrait call goes on to the page's own server.
  const passedOn = await (await fetch('/passed-on')).text();
  const media = new URL(asset.URL);
  return {
    controlled: navigator.serviceWorker.controller !== null,
    asset: { Id: asset.Id === Id, Status: asset.Status, mediaPath: media.pathname, mediaOrigin: media.origin },
    listed: { TotalCount: listed.TotalCount, Ids: listed.Items.map((item) => item.Id === Id) },
    error: error instanceof PortraitError ? { code: error.code, status: error.status, action: error.action } : String(error),
    passedOn,
  };
}

const shown = document.querySelector('#result');
run().then(
  (result) => {
    if (shown) shown.textContent = JSON.stringify(result);
  },
  (error: unknown) => {
    if (shown) shown.textContent = JSON.stringify({ failed: error instanceof Error ? `${error.name}: ${error.message}` : String(error) });
  },
);
