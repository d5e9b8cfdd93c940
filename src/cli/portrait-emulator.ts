#!/usr/bin/env node
// `npm run emulator`: the stateful Portrait emulator on 127.0.0.1 (it does what
// openapi/ describes); flags in emulator-command.ts: --port, --tenants, --processing-delay.
import { runEmulatorCommand } from './emulator-command.js';

await runEmulatorCommand();
