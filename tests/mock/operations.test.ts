// Prism's view of the document is made once a process: every mock shares it, and with it the
// validators Prism compiles per schema object, where each start made and compiled them again.
import { describe, expect, it } from 'vitest';
import { loadActionOperations } from '../../src/mock/operations.js';
import { loadPrismPackages, type PrismPackages } from '../../src/mock/prism-packages.js';
import { actionNames } from '../../src/protocol/index.js';

describe("Prism's operations", () => {
  it('are made once for each Prism loaded, and shared by every mock after', async () => {
    const prism = await loadPrismPackages();
    const [first, second] = await Promise.all([loadActionOperations(prism), loadActionOperations(prism)]);
    expect([...first.keys()]).toEqual([...actionNames]);
    expect(second).toBe(first);
    expect(await loadActionOperations(prism)).toBe(first);
  });

  it('are made again after a load that failed', async () => {
    const prism = await loadPrismPackages();
    let calls = 0;
    const http = {
      ...prism.http,
      getHttpOperationsFromSpec: (...args: Parameters<PrismPackages['http']['getHttpOperationsFromSpec']>) => {
        calls += 1;
        return calls === 1 ? Promise.reject(new Error('the document could not be read')) : prism.http.getHttpOperationsFromSpec(...args);
      },
    };
    await expect(loadActionOperations({ ...prism, http })).rejects.toThrow('the document could not be read');
    expect((await loadActionOperations({ ...prism, http })).size).toBe(actionNames.length);
    expect(calls).toBe(2);
  });
});
