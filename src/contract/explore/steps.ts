// A step of an exploration, as fast-check draws it: an Action called as customer A or B with a
// body whose ids are symbolic (the n-th group customer A made in this sequence, an unknown id),
// or a settle, which waits for asynchronous processing on both sides. The same step is resolved
// per side, each through its own ids, so that the target and the model are asked the same thing.
import type { Action } from '../../protocol/index.js';

export type Customer = 'A' | 'B';

export type Made = 'group' | 'asset' | 'token';

/** What `action` makes, if it makes anything. */
export function createdKind(action: Action): Made | undefined {
  return ({ CreateAssetGroup: 'group', CreateAsset: 'asset', CreateVisualValidateSession: 'token' } as const)[action as string];
}

/**
 * What the sequence made, the n-th latest of a kind by a customer that exists still (modulo how
 * many there are), the n-th latest deleted (`deleted`), or something no one made.
 */
export type Ref = { made: Made; index: number; by: Customer; deleted?: true } | { unknown: Made };

/**
 * A value resolved when the step is played: an id (per side), the media URL of a good or a
 * broken file (per side), a name of this sequence's (`$name`, the same on both sides), a part
 * of its names (`$part`: all of them for '', those of one word otherwise), or what the side's
 * previous reply holds where a link's expression points (`$reply`: `{$response.body#/Result/Id}`),
 * when that reply was to the Action the link is of (`from`), or the project of what a ref names
 * (`$projectOf`; with `other`, the project it is not in: `other`, or the default when it is in
 * `other`): left out for the default project.
 */
export type Placeholder = { $ref: Ref } | { $media: 'good' | 'broken' } | { $name: string } | { $part: string } | { $reply: string; from: Action } | { $projectOf: Ref; other?: string };

export interface CallStep {
  kind: 'call';
  action: Action;
  as: Customer;
  /** JSON, with Placeholders where each side puts its own value. */
  body: Record<string, unknown>;
}

export interface SettleStep {
  kind: 'settle';
}

export type Step = CallStep | SettleStep;

export function isPlaceholder(value: unknown): value is Placeholder {
  return typeof value === 'object' && value !== null && ('$ref' in value || '$media' in value || '$name' in value || '$part' in value || '$reply' in value || '$projectOf' in value);
}

/** The refs in `step`'s body. */
export function refsOf(step: Step): Ref[] {
  if (step.kind === 'settle') return [];
  const refs: Ref[] = [];
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (isPlaceholder(value)) {
      if ('$ref' in value) refs.push(value.$ref);
    } else if (typeof value === 'object' && value !== null) Object.values(value).forEach(walk);
  };
  walk(step.body);
  return refs;
}

/** The step as one line, placeholders named, as fast-check prints a command. */
export function describeStep(step: Step): string {
  if (step.kind === 'settle') return 'settle';
  const body = JSON.stringify(step.body, (_key, value: unknown) => {
    if (!isPlaceholder(value)) return value;
    if ('$media' in value) return `<${value.$media} media URL>`;
    if ('$name' in value) return `<name ${value.$name}>`;
    if ('$part' in value) return `<part of the names ${value.$part}>`;
    if ('$reply' in value) return `<${value.from}'s ${value.$reply}>`;
    if ('$projectOf' in value) return `<${value.other === undefined ? 'the project' : 'a project other than that'} of ${describeRef(value.$projectOf)}>`;
    return `<${describeRef(value.$ref)}>`;
  });
  return `${step.as} ${step.action} ${body}`;
}

function describeRef(ref: Ref): string {
  if ('unknown' in ref) return `an unknown ${ref.unknown}`;
  const which = ref.deleted ? `deleted ${ref.made}` : ref.made;
  return ref.index === 0 ? `${ref.by}'s latest ${which}` : `${ref.by}'s ${which} ${ref.index} before the latest`;
}
