// Who may call the emulator: customers, their API keys and what their accounts allow. The same
// checks guard `createEmulator({ tenants })` and a tenants file, so a typo fails loudly at start
// instead of as a puzzling 401 later.
import { protocol } from '../../protocol/index.js';

export interface TenantConfig {
  customerId: string;
  apiKeys: string[];
  /** May this customer create AIGC groups? Default true; false answers `AIGCNotAvailable`. */
  aigc?: boolean | undefined;
  /** Groups of both types the customer can keep at once. Default: the document's `activeGroupQuota`. */
  groupQuota?: number | undefined;
  /** Assets the customer can keep at once. Default: the document's `assetQuota`. */
  assetQuota?: number | undefined;
}

/** A customer as the emulator uses it: every default filled in. */
export interface Tenant {
  customerId: string;
  aigc: boolean;
  groupQuota: number;
  assetQuota: number;
}

export const demoTenants: readonly TenantConfig[] = Object.freeze([
  { customerId: 'demo', apiKeys: ['demo-key'] },
  { customerId: 'demo-2', apiKeys: ['demo-key-2'] },
]);

const knownFields = new Set(['customerId', 'apiKeys', 'aigc', 'groupQuota', 'assetQuota']);

/**
 * Checks an untrusted list of tenants and returns it typed. Throws a TypeError that names the
 * offending entry and field, such as `tenants[1].apiKeys[0] must be a non-empty string`.
 */
export function checkTenantConfigs(value: unknown): TenantConfig[] {
  if (!Array.isArray(value)) throw new TypeError('tenants must be an array of { customerId, apiKeys, aigc?, groupQuota?, assetQuota? }');
  if (value.length === 0) throw new TypeError('tenants must list at least one customer');
  const customers = new Set<string>();
  const keys = new Set<string>();
  return value.map((entry: unknown, index) => {
    const where = `tenants[${index}]`;
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) throw new TypeError(`${where} must be an object`);
    const fields = new Map<string, unknown>(Object.entries(entry));
    for (const name of fields.keys()) {
      if (!knownFields.has(name)) throw new TypeError(`${where} has an unknown field ${JSON.stringify(name)}`);
    }

    const customerId = fields.get('customerId');
    if (typeof customerId !== 'string' || customerId.trim() === '') throw new TypeError(`${where}.customerId must be a non-empty string`);
    if (customers.has(customerId)) throw new TypeError(`${where}.customerId ${JSON.stringify(customerId)} is listed twice`);
    customers.add(customerId);

    const apiKeys = fields.get('apiKeys');
    if (!Array.isArray(apiKeys) || apiKeys.length === 0) throw new TypeError(`${where}.apiKeys must be a non-empty array of strings`);
    apiKeys.forEach((key: unknown, keyIndex) => {
      // A key with white space could never arrive intact in `Authorization: Bearer <key>`.
      if (typeof key !== 'string' || !/^\S+$/.test(key)) {
        throw new TypeError(`${where}.apiKeys[${keyIndex}] must be a non-empty string without white space`);
      }
      // The key itself stays out of the message: it may be a real secret.
      if (keys.has(key)) throw new TypeError(`${where}.apiKeys[${keyIndex}] is already the key of another entry`);
      keys.add(key);
    });

    const config: TenantConfig = { customerId, apiKeys: [...(apiKeys as string[])] };
    const aigc = fields.get('aigc');
    if (aigc !== undefined) {
      if (typeof aigc !== 'boolean') throw new TypeError(`${where}.aigc must be true or false`);
      config.aigc = aigc;
    }
    for (const quota of ['groupQuota', 'assetQuota'] as const) {
      const limit = fields.get(quota);
      if (limit === undefined) continue;
      if (typeof limit !== 'number' || !Number.isSafeInteger(limit) || limit < 0) {
        throw new TypeError(`${where}.${quota} must be a whole number of at least 0`);
      }
      config[quota] = limit;
    }
    return config;
  });
}

/** API key -> customer. A Map, so a key such as `__proto__` is only ever a key. */
export function tenantsByApiKey(configs: readonly TenantConfig[]): ReadonlyMap<string, Tenant> {
  const byKey = new Map<string, Tenant>();
  for (const config of configs) {
    const tenant: Tenant = {
      customerId: config.customerId,
      aigc: config.aigc ?? true,
      groupQuota: config.groupQuota ?? protocol.activeGroupQuota,
      assetQuota: config.assetQuota ?? protocol.assetQuota,
    };
    for (const key of config.apiKeys) byKey.set(key, tenant);
  }
  return byKey;
}
