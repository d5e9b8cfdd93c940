// Who may touch a stored group or asset. Another customer's resource is Forbidden; an unknown
// id, or one in another project than the request's, is NotFound. The order matters: tenancy is
// decided before the project, so another customer's resource never reveals its project.
import { forbidden, notFound, type ResourceKind } from './action-errors.js';
import type { Refusal } from './action-types.js';
import type { Tenant } from '../model/tenants.js';

export function findOwned<T extends { customerId: string; ProjectName: string }>(
  records: ReadonlyMap<string, T>,
  kind: ResourceKind,
  id: string,
  tenant: Tenant,
  projectName: string,
): { record: T } | Refusal {
  const record = records.get(id);
  if (!record) return notFound(kind, id);
  if (record.customerId !== tenant.customerId) return forbidden(kind);
  if (record.ProjectName !== projectName) return notFound(kind, id);
  return { record };
}
