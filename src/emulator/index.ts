// The Portrait API emulator: the whole API in memory, as a Fetch handler or an HTTP server.
export { createEmulator, type Emulator } from './emulator.js';
export type { PlainHandler, PlainReply, PlainRequest } from './exchange.js';
export type { EmulatorOptions } from './options.js';
export type { RateLimits } from './rate-limiter.js';
export { startEmulator, type EmulatorServerOptions, type RunningEmulator } from './server.js';
export { loadTenants } from './tenants-file.js';
export { demoTenants, type TenantConfig } from './tenants.js';
