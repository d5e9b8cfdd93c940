// Ids: fresh within a second, and only the current second's are remembered.
import { expect, it } from 'vitest';
import { IdIssuer } from '../../src/emulator/model/ids.js';

it('issues distinct ids within a second and remembers only that second’s', () => {
  const ids = new IdIssuer();
  const second = Date.UTC(2026, 2, 18, 7, 20, 44);
  const kinds = [() => ids.groupId(second), () => ids.assetId(second + 999), () => ids.bytedToken(second)];
  const issued = new Set(Array.from({ length: 2000 }, (_, i) => kinds[i % 3]!()));
  expect(issued.size).toBe(2000);
  expect(ids.remembered).toBe(2000);
  expect(ids.assetId(second + 1000)).toMatch(/^asset-20260318072045-[a-z0-9]{5}$/);
  expect(ids.remembered).toBe(1);
});
