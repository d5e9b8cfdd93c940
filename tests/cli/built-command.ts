// The commands as the tests spawn them: the bundles global-setup.ts built for this run.
import { inject } from 'vitest';
import type { BuiltCommands } from './global-setup.js';

/** Node's arguments that start the command: its bundle, which runs from any directory. */
export function builtCommand(name: keyof BuiltCommands): string[] {
  return [inject('builtCommands')[name]];
}
