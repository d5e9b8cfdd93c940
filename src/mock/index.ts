// The Action-aware Prism front: a mock of the Portrait API, or a validating proxy to a real one.
export { startMock, type MockOptions, type RunningMock } from './server.js';
export { MissingPrismError } from './prism-packages.js';
