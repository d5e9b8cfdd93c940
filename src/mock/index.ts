// The Action-aware Prism front: a mock of the Portrait API, or a validating proxy to a real one.
export { startMock, type MockOptions, type RunningMock } from './server.js';
export { MissingPrismError } from './prism-packages.js';
export type { CorsOrigins } from '../server/cors.js';
export { PortInUseError } from '../server/listen.js';
