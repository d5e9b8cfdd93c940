// Every check, in the order they run. The asset waits (assets.until-active, assets.failed) run
// beside the checks after them, up to assets.list, the first that needs them: none in between
// touches the two assets, creates an asset or deletes a group, so their polling overlaps the rest
// (the gateway, groups, tenancy reads, liveness, fuzz and the quota) instead of adding to it.
// The quota leaves the customer's groups full, so no check after it creates a group, and the
// deletes come last, after every check that reads what they delete.
import { runOrder } from '../run-order.js';
import { assetChecks } from './assets.js';
import type { Check } from '../context.js';
import { deletionChecks } from './deletion.js';
import { fuzzChecks } from './fuzz.js';
import { gatewayChecks } from './gateway.js';
import { groupChecks } from './groups.js';
import { livenessChecks } from './liveness.js';
import { quotaChecks } from './quota.js';
import { tenancyChecks } from './tenancy.js';

const byName = new Map([...gatewayChecks, ...groupChecks, ...assetChecks, ...tenancyChecks, ...deletionChecks, ...livenessChecks, ...quotaChecks].map((check) => [check.name, check]));

function named(...names: string[]): Check[] {
  return names.map((name) => {
    const check = byName.get(name);
    if (!check) throw new Error(`no check is named ${name}`);
    return check;
  });
}

const beforeQuota = [
  ...gatewayChecks,
  ...named('groups.create', 'assets.create', 'assets.until-active', 'assets.failed', 'groups.get', 'groups.update', 'groups.list', 'groups.pagination'),
  ...named('tenancy.read', 'tenancy.list', 'liveness.session', 'liveness.invalid-token'),
];
const afterQuota = named('assets.list', 'assets.update', 'tenancy.write', 'assets.delete', 'groups.delete');

export const allChecks = runOrder([...beforeQuota, ...quotaChecks, ...afterQuota]);

/** allChecks, with the fuzz checks of `fuzz` bodies per Action when asked for: before the quota checks. */
export function checksToRun(fuzz: number): Check[] {
  return fuzz === 0 ? allChecks : runOrder([...beforeQuota, ...fuzzChecks(fuzz), ...quotaChecks, ...afterQuota]);
}
