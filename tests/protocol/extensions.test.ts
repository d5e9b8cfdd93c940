// The x-portrait-* extensions say what the prose of the document says for people; these tests
// keep the two in step, and keep generated/ the only way code reaches them.
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../scripts/project-root.js';
import { actionNames, actions, errorCodes, facts, type FactName, fileExtensions, livenessResultCodes, portraitDocument, protocol } from '../../src/protocol/index.js';
import { operationOf } from '../support/examples.js';

describe('the facts and the prose agree', () => {
  it("CreateAsset's description lists exactly the accepted file extensions", () => {
    const description = operationOf('CreateAsset').description ?? '';
    for (const [kind, extensions] of Object.entries(fileExtensions)) {
      const listed = new RegExp(`${kind} ((?:\`\\.[a-z0-9]+\`\\s*)+)`).exec(description)?.[1] ?? '';
      expect([...listed.matchAll(/`\.([a-z0-9]+)`/g)].map((match) => match[1]), kind).toEqual([...extensions]);
    }
  });

  it('the API description states the body limit, the group quota and the token lifetime', () => {
    const description = portraitDocument.info.description ?? '';
    expect(description).toContain(protocol.maxBodyBytes.toLocaleString('en-US'));
    expect(operationOf('CreateAssetGroup').description).toContain(`${protocol.activeGroupQuota} active groups`);
    expect(operationOf('CreateVisualValidateSession').description).toContain(`${protocol.bytedTokenLifetimeSeconds} seconds`);
    expect(operationOf('CreateVisualValidateSession').description).toContain(`resultCode=${livenessResultCodes.Passed}`);
  });

  it('every example error carries the CodeN errorCodes gives its code, and none where it gives none', () => {
    const found: { code: string; codeN: unknown }[] = [];
    const pending: unknown[] = [portraitDocument];
    for (let node = pending.pop(); node !== undefined; node = pending.pop()) {
      if (typeof node !== 'object' || node === null) continue;
      if ('Code' in node && 'Message' in node && typeof node.Code === 'string') found.push({ code: node.Code, codeN: 'CodeN' in node ? node.CodeN : undefined });
      pending.push(...Object.values(node));
    }
    expect(found.length).toBeGreaterThan(20);
    for (const { code, codeN } of found) {
      const documented: { status: number; codeN?: number } | undefined = errorCodes[code.split('.')[0] as keyof typeof errorCodes];
      expect(codeN, code).toBe(documented?.codeN);
    }
  });

  it("the API description's error table gives each code the status and sources of x-portrait-errors", () => {
    const rows = [...(portraitDocument.info.description ?? '').matchAll(/^\| `(\w+)(?:\.<Field>)?` \| [^|]+ \| (\d+)[^|]* \| (\w+) \| (\w+) \|/gm)];
    expect(rows.map((row) => row[1]).sort()).toEqual(Object.keys(errorCodes).sort());
    for (const [, code = '', status, codeFrom, statusFrom] of rows) {
      expect(Number(status), code).toBe(errorCodes[code as keyof typeof errorCodes].status);
      expect(codeFrom, code).toBe(facts[`errors.${code}` as FactName].source);
      expect(statusFrom, code).toBe(facts[`errors.${code}.status` as FactName].source);
    }
  });

  it('marks the two List Actions paginated and the three Create Actions as making resources', () => {
    expect(actionNames.filter((action) => actions[action].paginated)).toEqual(['ListAssetGroups', 'ListAssets']);
    expect(actionNames.filter((action) => actions[action].createsResource)).toEqual(['CreateAssetGroup', 'CreateAsset', 'CreateVisualValidateSession']);
  });
});

// The client's method declarations name the client's own types (CallOptions, WithMetadata), so the
// client imports them itself rather than through the protocol's door.
it('src/ reaches generated/ through src/protocol/generated.ts and portrait-document.ts only, and the client for its method declarations', async () => {
  const sourceDir = join(projectRoot, 'src');
  const entries = await readdir(sourceDir, { recursive: true, withFileTypes: true });
  const importers: string[] = [];
  for (const entry of entries.filter((item) => item.isFile() && item.name.endsWith('.ts'))) {
    const file = join(entry.parentPath, entry.name);
    if (/from\s+'[./]*generated\//.test(await readFile(file, 'utf8'))) importers.push(relative(projectRoot, file));
  }
  expect(importers.sort()).toEqual(['src/client/client.ts', 'src/protocol/generated.ts', 'src/protocol/portrait-document.ts']);
});
