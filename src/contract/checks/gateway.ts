// What the gateway answers before any Action runs, and how it refuses bad bodies. Where only an
// assumption says how a refusal looks (a GET, a body over the limit), a gateway's own edge may
// answer instead: that differs from the assumption, and breaks nothing the reference says.
import { protocol } from '../../protocol/index.js';
import type { Check } from '../context.js';
import { overMaximum } from '../past-limits.js';
import { assetList, groupList } from './list-bodies.js';

/**
 * A ListAssetGroups body exactly `bytes` long, valid whatever its size: a filter and then JSON
 * white space. A server that takes it answers a Result; only the size can refuse it.
 */
function bodyOfSize(bytes: number): string {
  const body = JSON.stringify({ Filter: { GroupType: 'AIGC' } });
  return `${body.slice(0, -1)}${' '.repeat(bytes - body.length)}}`;
}

export const gatewayChecks: Check[] = [
  {
    name: 'gateway.missing-auth',
    title: 'a call without Authorization is refused with 401 Unauthorized',
    async run(ctx) {
      const reply = await ctx.call('ListAssetGroups', groupList(), { as: 'anonymous' });
      ctx.error(reply, ['Unauthorized'], 'ListAssetGroups without a key', 'errors.Unauthorized');
      ctx.expect('errors.Unauthorized.status', reply.status === 401, `ListAssetGroups without a key: expected HTTP 401, got ${reply.status}`);
    },
  },
  {
    name: 'gateway.unknown-key',
    title: 'a call with an unknown API key is refused with 401 Unauthorized',
    async run(ctx) {
      const reply = await ctx.call('ListAssetGroups', groupList(), { as: 'unknown-key' });
      ctx.error(reply, ['Unauthorized'], 'ListAssetGroups with an unknown key', 'errors.Unauthorized');
      ctx.expect('errors.Unauthorized.status', reply.status === 401, `ListAssetGroups with an unknown key: expected HTTP 401, got ${reply.status}`);
    },
  },
  {
    name: 'gateway.unknown-action',
    title: 'an unknown Action or Version answers InvalidActionOrVersion in the envelope',
    async run(ctx) {
      ctx.error(await ctx.send({ action: 'DeleteEverything', body: {} }), ['InvalidActionOrVersion'], 'Action=DeleteEverything', 'errors.InvalidActionOrVersion');
      ctx.error(await ctx.send({ action: 'ListAssets', body: {}, version: '2020-01-01' }), ['InvalidActionOrVersion'], 'Version=2020-01-01', 'errors.InvalidActionOrVersion');
    },
  },
  {
    name: 'gateway.wrong-method',
    title: 'a method other than POST is refused, with MethodNotAllowed in the envelope',
    async run(ctx) {
      const reply = await ctx.send({ action: 'ListAssets', method: 'GET' }, { judgedBy: 'errors.MethodNotAllowed' });
      ctx.expect('protocol.endpoint', reply.result === undefined && reply.status >= 400, `GET ListAssets was answered as a call: HTTP ${reply.status}`);
      ctx.error(reply, ['MethodNotAllowed'], 'GET ListAssets', 'errors.MethodNotAllowed');
      ctx.expect('errors.MethodNotAllowed.status', reply.status === 405, `GET ListAssets: expected HTTP 405, got ${reply.status}`);
    },
  },
  {
    name: 'gateway.malformed-json',
    title: 'a body that is not JSON is refused with a 4xx InvalidParameter, never a 5xx',
    async run(ctx) {
      const reply = await ctx.send({ action: 'GetAsset', raw: '{"Id":' });
      ctx.error(reply, ['InvalidParameter'], 'GetAsset with a truncated body', 'errors.InvalidParameter');
      ctx.expect('errors.InvalidParameter.status', reply.status >= 400 && reply.status < 500, `GetAsset with a truncated body: expected a 4xx, got ${reply.status}`);
    },
  },
  {
    name: 'gateway.body-limit',
    title: `a body over ${protocol.maxBodyBytes} bytes is refused, with 413 RequestEntityTooLarge`,
    async run(ctx) {
      const what = 'ListAssetGroups with a body one byte over the limit';
      const reply = await ctx.send({ action: 'ListAssetGroups', raw: bodyOfSize(protocol.maxBodyBytes + 1) }, { judgedBy: 'errors.RequestEntityTooLarge' });
      ctx.expect('protocol.maxBodyBytes', reply.result === undefined && reply.status >= 400, `${what} was answered as a call: HTTP ${reply.status}`);
      ctx.error(reply, ['RequestEntityTooLarge'], what, 'errors.RequestEntityTooLarge');
      ctx.expect('errors.RequestEntityTooLarge.status', reply.status === 413, `${what}: expected HTTP 413, got ${reply.status}`);
    },
  },
  {
    name: 'validation.missing-field',
    title: 'a missing required field answers MissingParameter.<Field>',
    async run(ctx) {
      const reply = await ctx.send({ action: 'GetAsset', body: {} });
      ctx.error(reply, ['MissingParameter'], 'GetAsset {}', 'errors.MissingParameter');
      ctx.expect('behaviours.fieldInErrorCode', reply.error?.Code === 'MissingParameter.Id', `GetAsset {}: expected MissingParameter.Id, got ${reply.error?.Code}`);
    },
  },
  {
    name: 'validation.invalid-value',
    title: 'an out-of-range value answers InvalidParameter.<Field>',
    async run(ctx) {
      const pageSize = overMaximum('ListAssets', 'PageSize');
      const reply = await ctx.call('ListAssets', assetList({}, { PageNumber: 1, PageSize: pageSize }));
      ctx.error(reply, ['InvalidParameter'], `ListAssets PageSize ${pageSize}`, 'errors.InvalidParameter');
      ctx.expect('behaviours.fieldInErrorCode', reply.error?.Code === 'InvalidParameter.PageSize', `ListAssets PageSize ${pageSize}: got ${reply.error?.Code}`);
    },
  },
  {
    name: 'validation.unknown-field',
    title: 'an unknown request field is refused with InvalidParameter',
    async run(ctx) {
      const reply = await ctx.send({ action: 'ListAssetGroups', body: { ...groupList(), Colour: 'red' } });
      ctx.error(reply, ['InvalidParameter'], 'ListAssetGroups {"Colour":"red"}', 'protocol.unknownFields');
    },
  },
  {
    name: 'validation.unknown-id',
    title: 'ids that do not exist answer NotFound',
    async run(ctx) {
      ctx.error(await ctx.call('GetAsset', { Id: `asset-20000101000000-${ctx.state.tag}` }), ['NotFound'], 'GetAsset of an unknown id', 'errors.NotFound');
      ctx.error(await ctx.call('GetAssetGroup', { Id: `group-20000101000000-${ctx.state.tag}` }), ['NotFound'], 'GetAssetGroup of an unknown id', 'errors.NotFound');
    },
  },
];
