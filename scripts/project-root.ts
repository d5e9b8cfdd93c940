// The repository's root, for scripts and tests that read or run things relative to it.
import { fileURLToPath } from 'node:url';

export const projectRoot = fileURLToPath(new URL('../', import.meta.url));
