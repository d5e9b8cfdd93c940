// Every check, in the order they run: after the checks each needs, otherwise in the order of these
// files. Where a check must only come before another (the deletes, the quota), its file is placed so.
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

const beforeQuota = [...gatewayChecks, ...groupChecks, ...assetChecks, ...tenancyChecks, ...deletionChecks, ...livenessChecks];

export const allChecks = runOrder([...beforeQuota, ...quotaChecks]);

/**
 * allChecks, with the fuzz checks of `fuzz` bodies per Action when asked for: before the quota
 * checks, which leave the customer's groups full until the clean-up.
 */
export function checksToRun(fuzz: number): Check[] {
  return fuzz === 0 ? allChecks : runOrder([...beforeQuota, ...fuzzChecks(fuzz), ...quotaChecks]);
}
