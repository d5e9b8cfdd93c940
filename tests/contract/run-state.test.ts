// Checks share values through the run state, and a check reads only what a check it needs made.
import { describe, expect, it } from 'vitest';
import { CheckContext, CheckFailure, type ContractSettings, type RunState } from '../../src/contract/context.js';
import { CoverageRecorder } from '../../src/contract/coverage.js';
import { Pacer } from '../../src/contract/pacer.js';
import type { ProbeTarget } from '../../src/contract/probe.js';

const target: ProbeTarget = {
  baseUrl: 'http://emulator.local',
  fetch: () => Promise.reject(new Error('these tests make no calls')),
  timeoutMs: 1_000,
  maxReplyBytes: 1_000,
  redact: (text) => text,
  pacer: new Pacer(false),
  stop: new AbortController().signal,
  keyVariables: new Map(),
  coverage: new CoverageRecorder(),
};
const settings: ContractSettings = {
  apiKey: 'demo-key',
  secondApiKey: undefined,
  imageUrl: 'https://example.com/portrait.png',
  brokenImageUrl: 'https://example.com/not-an-image.txt',
  groupQuota: 3,
  assetQuota: 10,
  assetTimeoutMs: 1_000,
  pollIntervalMs: 5,
};
const runState = (): RunState => ({ tag: 'test', groups: [], assets: [], shared: {} });
const contextOf = (state: RunState, name: string, ...needs: string[]) => new CheckContext(target, settings, state, { name, needs });

describe('the run state', () => {
  it('gives a value to a check that needs the check that made it', () => {
    const state = runState();
    contextOf(state, 'groups.create').remember('groupA', 'group-1');
    expect(contextOf(state, 'groups.get', 'groups.create').recall('groupA')).toBe('group-1');
    expect(state.shared.groupA).toEqual({ value: 'group-1', madeBy: 'groups.create' });
  });

  it('refuses it to a check that does not name that check in needs', () => {
    const state = runState();
    contextOf(state, 'groups.create').remember('groupA', 'group-1');
    expect(() => contextOf(state, 'groups.get', 'assets.create').recall('groupA')).toThrow(
      'groups.get reads groupA without naming groups.create, which makes it, in its needs',
    );
  });

  it('fails the check when no earlier check made the value', () => {
    expect(() => contextOf(runState(), 'groups.get', 'groups.create').recall('groupA')).toThrow(CheckFailure);
  });
});
