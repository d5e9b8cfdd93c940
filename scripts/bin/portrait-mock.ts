#!/usr/bin/env node
// The `portrait-mock` command of the published package: the same program as `npm run mock`,
// compiled to dist/ so it needs no TypeScript loader.
import '../mock.js';
