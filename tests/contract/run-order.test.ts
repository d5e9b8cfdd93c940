// The checks run in an order derived from their `needs`: each after what it needs, otherwise in
// the order of their files, and a broken `needs` list stops the run before any call.
import { describe, expect, it } from 'vitest';
import { allChecks } from '../../src/contract/checks/index.js';
import { runOrder } from '../../src/contract/run-order.js';

const check = (name: string, ...needs: string[]) => ({ name, needs });
const names = (checks: { name: string }[]) => checks.map((c) => c.name);

describe('runOrder', () => {
  it('puts a check after the checks it needs', () => {
    expect(names(runOrder([check('b', 'a'), check('c'), check('a')]))).toEqual(['c', 'a', 'b']);
    expect(names(runOrder([check('d', 'c', 'a'), check('c', 'b'), check('b'), check('a')]))).toEqual(['b', 'c', 'a', 'd']);
  });

  it('keeps the given order among checks that do not need each other', () => {
    const given = [check('x'), check('a'), check('b', 'a'), check('y'), check('c', 'b')];
    expect(names(runOrder(given))).toEqual(['x', 'a', 'b', 'y', 'c']);
    expect(names(runOrder([check('z'), check('y'), check('x')]))).toEqual(['z', 'y', 'x']);
  });

  it('throws on a cycle, naming the checks caught in it', () => {
    expect(() => runOrder([check('a', 'b'), check('b', 'a'), check('c')])).toThrow('no order meets the needs of a, b: they form a cycle');
    expect(() => runOrder([check('a', 'a')])).toThrow(/cycle/);
  });

  it('throws on a need that no check is named', () => {
    expect(() => runOrder([check('a'), check('b', 'a', 'groups.craete')])).toThrow('b needs groups.craete, which no check is named');
  });

  it('throws on a name given twice', () => {
    expect(() => runOrder([check('a'), check('b'), check('a')])).toThrow('two checks are named a');
  });
});

describe('the contract checks', () => {
  it('run each after every check it needs', () => {
    const position = new Map(allChecks.map((c, i) => [c.name, i]));
    for (const c of allChecks) {
      for (const need of c.needs ?? []) expect(position.get(need), `${c.name} needs ${need}`).toBeLessThan(position.get(c.name) ?? -1);
    }
  });

  it('run in this order, the asset waits beside the checks up to assets.list', () => {
    expect(names(allChecks)).toEqual([
      'gateway.missing-auth',
      'gateway.unknown-key',
      'gateway.unknown-action',
      'gateway.wrong-method',
      'gateway.malformed-json',
      'gateway.body-limit',
      'validation.missing-field',
      'validation.invalid-value',
      'validation.unknown-field',
      'validation.unknown-id',
      'groups.create',
      'assets.create',
      'assets.until-active',
      'assets.failed',
      'groups.get',
      'groups.update',
      'groups.list',
      'groups.pagination',
      'tenancy.read',
      'tenancy.list',
      'liveness.session',
      'liveness.invalid-token',
      'groups.quota',
      'assets.list',
      'assets.update',
      'tenancy.write',
      'assets.delete',
      'groups.delete',
    ]);
  });
});
