// The Portrait API emulator: the whole API in memory, as a Fetch handler or an HTTP server.
// What runs anywhere is in portable.ts; listening and reading a tenants file need Node.
export * from './portable.js';
export { startEmulator, type EmulatorServerOptions, type RunningEmulator } from './server.js';
export { loadTenants } from './model/tenants-file.js';
export type { CorsOrigins } from '../server/cors.js';
export { PortInUseError } from '../server/listen.js';
