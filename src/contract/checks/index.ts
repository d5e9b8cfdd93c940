// Every check, in the order they run: later checks build on what earlier ones created.
import type { Check } from '../context.js';
import { assetChecks } from './assets.js';
import { gatewayChecks } from './gateway.js';
import { groupChecks } from './groups.js';
import { livenessChecks } from './liveness.js';
import { tenancyChecks } from './tenancy.js';

const byName = (checks: Check[], name: string): Check => {
  const found = checks.find((check) => check.name === name);
  if (!found) throw new Error(`no check ${name}`);
  return found;
};

const groups = (name: string) => byName(groupChecks, name);
const assets = (name: string) => byName(assetChecks, name);

export const allChecks: Check[] = [
  ...gatewayChecks,
  groups('groups.create'),
  groups('groups.get'),
  groups('groups.update'),
  groups('groups.list'),
  groups('groups.pagination'),
  assets('assets.create'),
  assets('assets.until-active'),
  assets('assets.failed'),
  assets('assets.list'),
  assets('assets.update'),
  ...tenancyChecks,
  assets('assets.delete'),
  groups('groups.delete'),
  ...livenessChecks,
  groups('groups.quota'),
];
