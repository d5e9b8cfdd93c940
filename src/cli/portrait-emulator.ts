#!/usr/bin/env node
// `portrait-emulator` (in this repository `npm run emulator --`): the stateful Portrait emulator.
// `--help` lists its flags (emulator-command.ts).
import { emulatorCommandLine, runEmulatorCommand } from './emulator-command.js';

await runEmulatorCommand(emulatorCommandLine('portrait-emulator', 'The Portrait API in memory, as its OpenAPI document describes it: state, tenancy, quotas, asset processing and the liveness pages.'));
