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
    throw new Error(`The tenants file ${path} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  try {
    return checkTenantConfigs(value);
  } catch (error) {
    throw new Error(`The tenants file ${path} is invalid: ${error instanceof Error ? error.message : String(error)}`);
  }
}
