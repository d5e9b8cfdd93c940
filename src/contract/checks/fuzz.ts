// `--fuzz N`: for every Action, N generated valid bodies and N invalid ones. A conforming server
// answers none with a 5xx, every reply in the spec (the probe holds each to the document), takes
// every valid body (it may still answer NotFound or QuotaExceeded, which depend on its state),
// refuses every invalid one with 400 MissingParameter or InvalidParameter, and changes nothing
// the customer can see while refusing.
import fc from 'fast-check';
import { actionNames, actions, issueSource, portraitDocument, validateRequest, type Action, type ErrorCode, type Source } from '../../protocol/index.js';
import { describe, type Check, type CheckContext, type Judged } from '../context.js';
import { schemasFact } from '../probe.js';
import { brokenBody, validBody, type BodyOptions } from '../request-bodies.js';
import { assetList, groupList } from './list-bodies.js';

const refusalCodes: readonly string[] = ['InvalidParameter', 'MissingParameter'] satisfies ErrorCode[];

/** What the customer holds of what the fuzz bodies could make, as the List Actions count it. */
async function holdings(ctx: CheckContext): Promise<string> {
  const groups = ctx.result(await ctx.call('ListAssetGroups', groupList({}, { PageNumber: 1, PageSize: 1 })), 'ListAssetGroups').TotalCount;
  const assets = ctx.result(await ctx.call('ListAssets', assetList({}, { PageNumber: 1, PageSize: 1 })), 'ListAssets').TotalCount;
  return `${groups} groups and ${assets} assets`;
}

/**
 * What taking a valid body rests on: the Action's documented behaviour, but for a List refused for
 * lack of what the upstream's pages require and the document assumes it need not
 * (`behaviours.listDefaults`).
 */
function takingFact(action: Action, code: string | undefined): Judged {
  const listParameter = /^(MissingParameter|InvalidParameter)\.(Filter|GroupType|PageNumber|PageSize)\b/;
  return actions[action].paginated && listParameter.test(code ?? '') ? 'behaviours.listDefaults' : 'behaviours.actions';
}

/**
 * What refusing an invalid body rests on: the request schema's facts it breaks, an assumption only
 * when every one of them is (a name too short by the toolkit's own limit, an unknown field).
 */
function refusalFact(action: Action, text: string): Judged {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return 'errors.InvalidParameter';
  }
  const check = validateRequest(action, body);
  const sources = new Set<Source>(check.valid ? [] : check.issues.map((issue) => issueSource(portraitDocument, check.schema, issue)));
  const source: Source = sources.size > 0 && [...sources].every((one) => one === 'assumed') ? 'assumed' : 'reference';
  return { fact: schemasFact(check.valid ? '' : check.schema), source, says: `${action} refuses such a body.` };
}

/**
 * In the default project, which the clean-up reads, and with media URLs at example.com: a server
 * under test is not sent to download from random hosts.
 */
const fuzzOptions: BodyOptions = { defaultProject: true, url: fc.nat(1e6).map((n) => `https://example.com/contract-fuzz/${n}.png`) };

/** `count` valid and `count` broken bodies for `action`, sampled with the Action's own seed: the same on every run. */
function fuzzBodies(action: Action, count: number) {
  const sampling = { numRuns: count, seed: 1 + actionNames.indexOf(action) * 7919 };
  return { valid: fc.sample(validBody(action, fuzzOptions), sampling), invalid: fc.sample(brokenBody(action, fuzzOptions), sampling) };
}

function fuzzCheck(action: Action, count: number): Check {
  return {
    name: `fuzz.${action}`,
    title: `${action}: ${count} generated valid bodies taken and ${count} invalid ones refused, with no 5xx and no change`,
    async run(ctx) {
      const { valid, invalid } = fuzzBodies(action, count);
      for (const body of valid) {
        const reply = await ctx.send({ action, body });
        const what = `${action} ${JSON.stringify(body)}`;
        ctx.expect(takingFact(action, reply.error?.Code), !(reply.status === 400 && refusalCodes.includes(reply.baseCode ?? '')), `${what} is valid, but was refused: ${describe(reply)}`);
        const made = (reply.result as { Id?: unknown } | undefined)?.Id;
        if (typeof made === 'string' && action === 'CreateAssetGroup') ctx.created('groups', made, what);
        if (typeof made === 'string' && action === 'CreateAsset') ctx.created('assets', made, what);
      }
      const before = await holdings(ctx);
      for (const { text, how } of invalid) {
        const reply = await ctx.send({ action, raw: text });
        ctx.expect(refusalFact(action, text), reply.status === 400 && refusalCodes.includes(reply.baseCode ?? ''), `${action} with ${how}: expected 400 MissingParameter or InvalidParameter, got ${describe(reply)}`);
      }
      const after = await holdings(ctx);
      ctx.expect('behaviours.actions', after === before, `${action}: while refusing invalid bodies the customer went from ${before} to ${after}`);
    },
  };
}

/** One check per Action; none for a count of 0. */
export function fuzzChecks(count: number): Check[] {
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`fuzz must be a whole number of bodies per Action, not ${count}`);
  return count === 0 ? [] : actionNames.map((action) => fuzzCheck(action, count));
}
