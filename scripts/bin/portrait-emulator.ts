#!/usr/bin/env node
// The `portrait-emulator` command of the published package: the same program as `npm run emulator`,
// compiled to dist/ so it needs no TypeScript loader.
import '../emulator.js';
