// Prism is an optional peer dependency of the package: it brings 117 packages (78 MB) that the
// client, the emulator and the contract checks never use. Only the mock loads it, when it starts.
import type * as PrismCore from '@stoplight/prism-core';
import type * as PrismHttp from '@stoplight/prism-http';

/** What the mock needs installed; package.json's peer and dev dependencies pin the same versions (a test keeps them so). */
export const prismPackages = ['@stoplight/prism-http@5.12.0', '@stoplight/prism-core@5.8.0'] as const;

export interface PrismPackages {
  core: typeof PrismCore;
  http: typeof PrismHttp;
}

/** Thrown by `startMock` when Prism is not installed; its message is the command that installs it. */
export class MissingPrismError extends Error {
  override name = 'MissingPrismError';

  constructor() {
    super(`The Portrait mock needs Prism, an optional peer dependency of @portrait-api/toolkit: npm install -D ${prismPackages.join(' ')}`);
  }
}

export async function loadPrismPackages(): Promise<PrismPackages> {
  try {
    const [core, http] = await Promise.all([import('@stoplight/prism-core'), import('@stoplight/prism-http')]);
    return { core, http };
  } catch (error) {
    // Only Prism itself missing is the user's to fix this way; anything else is a real failure.
    const code = (error as { code?: unknown }).code;
    if (code === 'ERR_MODULE_NOT_FOUND' && /'@stoplight\/prism-(core|http)'/.test(String((error as Error).message))) {
      throw new MissingPrismError();
    }
    throw error;
  }
}
