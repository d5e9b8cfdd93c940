// What the gateway answers before any Action runs, and how it refuses bad bodies.
import { protocol } from '../../protocol/index.js';
import type { Check } from '../context.js';
import { overMaximum } from '../request-schemas.js';

/** A GetAsset body exactly `bytes` long: an Id and an unknown Padding field (ASCII, so one byte a character). */
function bodyOfSize(bytes: number): string {
  const id = 'asset-20260318035710-xxxxx';
  const frame = JSON.stringify({ Id: id, Padding: '' }).length;
  return JSON.stringify({ Id: id, Padding: 'x'.repeat(bytes - frame) });
}

export const gatewayChecks: Check[] = [
  {
    name: 'gateway.missing-auth',
    title: 'a call without Authorization is refused with 401 Unauthorized',
    async run(ctx) {
      const reply = await ctx.call('ListAssetGroups', {}, { as: 'anonymous' });
      ctx.error(reply, ['Unauthorized'], 'ListAssetGroups without a key');
      ctx.expect(reply.status === 401, `ListAssetGroups without a key: expected HTTP 401, got ${reply.status}`);
    },
  },
  {
    name: 'gateway.unknown-key',
    title: 'a call with an unknown API key is refused with 401 Unauthorized',
    async run(ctx) {
      const reply = await ctx.call('ListAssetGroups', {}, { as: 'unknown-key' });
      ctx.error(reply, ['Unauthorized'], 'ListAssetGroups with an unknown key');
      ctx.expect(reply.status === 401, `ListAssetGroups with an unknown key: expected HTTP 401, got ${reply.status}`);
    },
  },
  {
    name: 'gateway.unknown-action',
    title: 'an unknown Action or Version answers InvalidActionOrVersion in the envelope',
    async run(ctx) {
      ctx.error(await ctx.send({ action: 'DeleteEverything', body: {} }), ['InvalidActionOrVersion'], 'Action=DeleteEverything');
      ctx.error(await ctx.send({ action: 'ListAssets', body: {}, version: '2020-01-01' }), ['InvalidActionOrVersion'], 'Version=2020-01-01');
    },
  },
  {
    name: 'gateway.wrong-method',
    title: 'a method other than POST answers MethodNotAllowed in the envelope',
    async run(ctx) {
      const reply = await ctx.send({ action: 'ListAssets', method: 'GET' });
      ctx.error(reply, ['MethodNotAllowed'], 'GET ListAssets');
    },
  },
  {
    name: 'gateway.malformed-json',
    title: 'a body that is not JSON is refused with a 4xx InvalidParameter, never a 5xx',
    async run(ctx) {
      const reply = await ctx.send({ action: 'GetAsset', raw: '{"Id":' });
      ctx.error(reply, ['InvalidParameter'], 'GetAsset with a truncated body');
      ctx.expect(reply.status >= 400 && reply.status < 500, `GetAsset with a truncated body: expected a 4xx, got ${reply.status}`);
    },
  },
  {
    name: 'gateway.body-limit',
    title: `a body over ${protocol.maxBodyBytes} bytes is refused with 413 RequestEntityTooLarge`,
    async run(ctx) {
      const reply = await ctx.send({ action: 'GetAsset', raw: bodyOfSize(protocol.maxBodyBytes + 1) });
      ctx.error(reply, ['RequestEntityTooLarge'], 'GetAsset with a body one byte over the limit');
      ctx.expect(reply.status === 413, `GetAsset with a body one byte over the limit: expected HTTP 413, got ${reply.status}`);
    },
  },
  {
    name: 'validation.missing-field',
    title: 'a missing required field answers MissingParameter.<Field>',
    async run(ctx) {
      const reply = await ctx.send({ action: 'GetAsset', body: {} });
      ctx.error(reply, ['MissingParameter'], 'GetAsset {}');
      ctx.expect(reply.error?.Code === 'MissingParameter.Id', `GetAsset {}: expected MissingParameter.Id, got ${reply.error?.Code}`);
    },
  },
  {
    name: 'validation.invalid-value',
    title: 'an out-of-range value answers InvalidParameter.<Field>',
    async run(ctx) {
      const pageSize = overMaximum('ListAssets', 'PageSize');
      const reply = await ctx.call('ListAssets', { PageSize: pageSize });
      ctx.error(reply, ['InvalidParameter'], `ListAssets PageSize ${pageSize}`);
      ctx.expect(reply.error?.Code === 'InvalidParameter.PageSize', `ListAssets PageSize ${pageSize}: got ${reply.error?.Code}`);
    },
  },
  {
    name: 'validation.unknown-field',
    title: 'an unknown request field is refused with InvalidParameter',
    async run(ctx) {
      ctx.error(await ctx.send({ action: 'ListAssetGroups', body: { Colour: 'red' } }), ['InvalidParameter'], 'ListAssetGroups {"Colour":"red"}');
    },
  },
  {
    name: 'validation.unknown-id',
    title: 'ids that do not exist answer NotFound',
    async run(ctx) {
      ctx.error(await ctx.call('GetAsset', { Id: `asset-20000101000000-${ctx.state.tag}` }), ['NotFound'], 'GetAsset of an unknown id');
      ctx.error(await ctx.call('GetAssetGroup', { Id: `group-20000101000000-${ctx.state.tag}` }), ['NotFound'], 'GetAssetGroup of an unknown id');
    },
  },
];
