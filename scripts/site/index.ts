// The docs site: reference docs by Redoc, try-it by Swagger UI and the Action explorer, built from
// the bundled document into self-contained pages, and served beside the emulator by `npm start`.
export { buildSite, siteIsStale, type BuiltSite, type SiteBuildOptions } from './build-site.js';
export { remoteLoads } from './offline-check.js';
export { defaultSiteDir, defaultSpecPath, sitePages, type SitePage } from './site-layout.js';
export { viewFiles, withSite } from './with-site.js';
