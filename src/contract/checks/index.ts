// Every check, in the order they run: after the checks each needs, otherwise in the order of these
// files. Where a check must only come before another (the deletes, the quota), its file is placed so.
import { runOrder } from '../run-order.js';
import { assetChecks } from './assets.js';
import { deletionChecks } from './deletion.js';
import { gatewayChecks } from './gateway.js';
import { groupChecks } from './groups.js';
import { livenessChecks } from './liveness.js';
import { quotaChecks } from './quota.js';
import { tenancyChecks } from './tenancy.js';

export const allChecks = runOrder([...gatewayChecks, ...groupChecks, ...assetChecks, ...tenancyChecks, ...deletionChecks, ...livenessChecks, ...quotaChecks]);
