#!/usr/bin/env node
// The `portrait-contract` command of the published package: the same program as `npm run contract`,
// compiled to dist/ so it needs no TypeScript loader.
import '../contract.js';
