// The emulator as a Fetch handler, and nothing that needs Node: this module's graph holds no
// `node:` module and no Node global, so it bundles for browsers, MSW's service worker, Storybook
// and workers. Bundlers reach it through the `browser` condition of `@portrait-api/toolkit/emulator`;
// Node gets index.ts, which adds the server and the tenants file to it.
export { createEmulator, type Emulator } from './emulator.js';
export type { FetchInit, Handler, Reply, ServerRequest } from '../server/exchange.js';
export type { EmulatorOptions } from './options.js';
export type { RateLimits } from './model/rate-limiter.js';
export { allFaultKinds, type FaultKind, type FaultOptions, type LatencyMs } from './http/fault-settings.js';
export { demoTenants, type TenantConfig } from './model/tenants.js';
