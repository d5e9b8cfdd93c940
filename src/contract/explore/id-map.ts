// One side's ids: what each create gave, by kind and customer, in order. A step's symbolic ref
// resolves to the side's own id, and an id a reply holds maps back to the ref that made it, which
// is how the target's and the model's items are compared.
import type { Customer, Made, Ref } from './steps.js';

/** Well-formed ids that no create gave: the document's patterns hold, the servers know none. */
const unknownIds: Record<Made, string> = { group: 'group-explore-unknown', asset: 'asset-explore-unknown', token: 'EXPLOREUNKNOWNTOKEN' };

export class IdMap {
  readonly #made = new Map<string, string[]>();

  #list(made: Made, by: Customer): string[] {
    const key = `${made} ${by}`;
    let list = this.#made.get(key);
    if (!list) this.#made.set(key, (list = []));
    return list;
  }

  add(made: Made, by: Customer, id: string): void {
    this.#list(made, by).push(id);
  }

  /** How many of `made` customer `by` has made. */
  count(made: Made, by: Customer): number {
    return this.#list(made, by).length;
  }

  /** The side's id for `ref`, counted from the latest made (the likeliest to exist still); an unknown id when the sequence made none of that kind and customer. */
  resolve(ref: Ref): string {
    if ('unknown' in ref) return unknownIds[ref.unknown];
    const list = this.#list(ref.made, ref.by);
    return list.length === 0 ? unknownIds[ref.made] : (list[list.length - 1 - (ref.index % list.length)] as string);
  }

  /** `group A#0` for the first group A made, the same name on both sides; `another id` for an id no create gave. */
  nameOf(made: Made, id: unknown): string {
    for (const by of ['A', 'B'] as const) {
      const index = this.#list(made, by).indexOf(String(id));
      if (index >= 0) return `${made} ${by}#${index}`;
    }
    return Object.values(unknownIds).includes(String(id)) ? `the unknown ${made}` : `another ${made}`;
  }

  /** Every id made, with its customer: what the sequence cleans up. */
  all(made: Made): { id: string; by: Customer }[] {
    return (['A', 'B'] as const).flatMap((by) => this.#list(made, by).map((id) => ({ id, by })));
  }
}
