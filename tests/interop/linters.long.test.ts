// Spectral's long form: the two views linters.test.ts leaves out, the 3.0 one of the whole
// document and the single-endpoint 3.1 one.
import { expect, it } from 'vitest';
import { expectOnlyKnownWarnings, spectral, viewPath } from './spectral.js';

it('finds no error in the other two views, and only the warnings the README explains', async () => {
  const linted = ['portrait.openapi.3.0.json', 'portrait.single-endpoint.openapi.json'];
  const results = await spectral(linted.map(viewPath));
  expect(results.length).toBeGreaterThan(0);
  expectOnlyKnownWarnings(results, linted);
}, 120_000);
