// Where a page of the site runs, for the pages' scripts (bundled into each page).

/**
 * The origin serving the page, when it is served over http(s): usually the emulator (`npm start`),
 * which is then also the API to call. Undefined for a page opened from a file.
 */
export const servingOrigin = location.protocol === 'http:' || location.protocol === 'https:' ? location.origin : undefined;

/** The emulator listens on loopback only and knows this demo key; anywhere else the key is the user's to give. */
export const loopbackDemoKey = ['127.0.0.1', 'localhost', '[::1]'].includes(location.hostname) ? 'demo-key' : undefined;
