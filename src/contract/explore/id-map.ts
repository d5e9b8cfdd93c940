// One side's ids: what each create gave, by kind and customer, in order, and which of them a
// delete has since removed. A step's symbolic ref resolves to the side's own id (among those that
// exist, or those deleted), and an id a reply holds maps back to the ref that made it, which is
// how the target's and the model's items are compared. Both sides' maps are kept in step: an id
// is marked deleted at the same place in each, when the model's delete succeeds.
import type { Customer, Made, Ref } from './steps.js';

/** Well-formed ids that no create gave: the document's patterns hold, the servers know none. */
const unknownIds: Record<Made, string> = { group: 'group-explore-unknown', asset: 'asset-explore-unknown', token: 'EXPLOREUNKNOWNTOKEN' };

interface Entry {
  id: string;
  /** The order of its deletion among the map's, once deleted. */
  deleted: number | undefined;
}

export class IdMap {
  readonly #made = new Map<string, Entry[]>();
  #deletions = 0;

  #list(made: Made, by: Customer): Entry[] {
    const key = `${made} ${by}`;
    let list = this.#made.get(key);
    if (!list) this.#made.set(key, (list = []));
    return list;
  }

  /** The entries a ref may name, in the order they were made: those that exist; or those deleted, in the order they were deleted. */
  #candidates(made: Made, by: Customer, deleted: boolean): Entry[] {
    const list = this.#list(made, by);
    if (!deleted) return list.filter((entry) => entry.deleted === undefined);
    return list.filter((entry) => entry.deleted !== undefined).sort((a, b) => (a.deleted as number) - (b.deleted as number));
  }

  add(made: Made, by: Customer, id: string): void {
    this.#list(made, by).push({ id, deleted: undefined });
  }

  /** How many of `made` customer `by` has made that exist still (or, with `deleted`, that were deleted). */
  count(made: Made, by: Customer, deleted = false): number {
    return this.#candidates(made, by, deleted).length;
  }

  /** The side's id for `ref`, counted from the latest made (or deleted); an unknown id when there is none such. */
  resolve(ref: Ref): string {
    if ('unknown' in ref) return unknownIds[ref.unknown];
    const candidates = this.#candidates(ref.made, ref.by, ref.deleted === true);
    return candidates.length === 0 ? unknownIds[ref.made] : (candidates[candidates.length - 1 - (ref.index % candidates.length)] as Entry).id;
  }

  /** Where `id` stands among what `by` made, or -1. */
  indexOf(made: Made, by: Customer, id: unknown): number {
    return this.#list(made, by).findIndex((entry) => entry.id === id);
  }

  /** The id at `index` of what `by` made. */
  idAt(made: Made, by: Customer, index: number): string | undefined {
    return this.#list(made, by)[index]?.id;
  }

  /** Marks the id at `index` of what `by` made as deleted (a second delete changes nothing). */
  delete(made: Made, by: Customer, index: number): void {
    const entry = this.#list(made, by)[index];
    if (entry && entry.deleted === undefined) entry.deleted = ++this.#deletions;
  }

  /** `group A#0` for the first group A made, the same name on both sides; `another id` for an id no create gave. */
  nameOf(made: Made, id: unknown): string {
    for (const by of ['A', 'B'] as const) {
      const index = this.indexOf(made, by, String(id));
      if (index >= 0) return `${made} ${by}#${index}`;
    }
    return Object.values(unknownIds).includes(String(id)) ? `the unknown ${made}` : `another ${made}`;
  }

  /** Every id made, with its customer and whether it exists still: what the sequence cleans up. */
  all(made: Made): { id: string; by: Customer; index: number; exists: boolean }[] {
    return (['A', 'B'] as const).flatMap((by) => this.#list(made, by).map((entry, index) => ({ id: entry.id, by, index, exists: entry.deleted === undefined })));
  }
}
