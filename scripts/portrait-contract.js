#!/usr/bin/env node
// The portrait-contract command. It runs the TypeScript entry through tsx until the package ships
// a compiled build.
import { register } from 'tsx/esm/api';

register();
await import('./contract.ts');
