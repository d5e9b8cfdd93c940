// The Portrait API emulator: the whole API in memory, as a Fetch handler or an HTTP server.
export { createEmulator, type Emulator } from './emulator.js';
export type { FetchInit, Handler, Reply, ServerRequest } from '../server/exchange.js';
export type { EmulatorOptions } from './options.js';
export type { RateLimits } from './http/rate-limiter.js';
export { faultKinds, type FaultKind, type FaultOptions, type LatencyMs } from './http/fault-settings.js';
export { startEmulator, type EmulatorServerOptions, type RunningEmulator } from './server.js';
export { loadTenants } from './model/tenants-file.js';
export { demoTenants, type TenantConfig } from './model/tenants.js';
export type { CorsOrigins } from '../server/cors.js';
export { PortInUseError } from '../server/listen.js';
