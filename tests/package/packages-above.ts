// A node_modules in a directory above a test project lends it packages it never installed: Node,
// npx and TypeScript all look upwards. A project under /tmp then found Prism and msw through a
// /tmp/node_modules someone had made, and the package test passed on what a fresh machine lacks.
import { access } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';

/** The first node_modules above `directory`, or undefined when there is none up to the root. */
export async function packagesAbove(directory: string): Promise<string | undefined> {
  for (let parent = dirname(resolve(directory)); ; parent = dirname(parent)) {
    const candidate = join(parent, 'node_modules');
    const found = await access(candidate).then(
      () => true,
      () => false,
    );
    if (found) return candidate;
    if (dirname(parent) === parent) return undefined;
  }
}
