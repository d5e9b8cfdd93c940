// `@portrait-api/toolkit/msw`: MSW handlers backed by the emulator. MSW is an optional peer
// dependency: only this entry needs it.
export { portraitHandlers, type PortraitHandlersOptions } from './portrait-handlers.js';
