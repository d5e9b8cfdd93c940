// A tenants file: a JSON array of TenantConfig, for running the emulator with your own
// customers, keys and quotas (`--tenants <file>` or PORTRAIT_EMULATOR_TENANTS).
import { readFile } from 'node:fs/promises';
import { checkTenantConfigs, type TenantConfig } from './tenants.js';

export async function loadTenants(path: string): Promise<TenantConfig[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new Error(`Cannot read the tenants file ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    // JSON.parse quotes the text around the fault, and this file holds API keys: say where, not what.
    throw new Error(`The tenants file ${path} is not valid JSON${whereInText(text, error)}.`);
  }
  try {
    return checkTenantConfigs(value);
  } catch (error) {
    throw new Error(`The tenants file ${path} is invalid: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** ` (line L, column C)` for a JSON.parse error that gives a position, else nothing. */
function whereInText(text: string, error: unknown): string {
  const position = /position (\d+)/.exec(error instanceof Error ? error.message : '')?.[1];
  if (position === undefined) return '';
  const before = text.slice(0, Number(position)).split('\n');
  return ` (line ${before.length}, column ${(before.at(-1)?.length ?? 0) + 1})`;
}
