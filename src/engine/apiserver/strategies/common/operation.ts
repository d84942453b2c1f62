/**
 * Tells a strategy's validate hook whether it runs for a create or an update. The apiserver calls validate for
 * both, and some checks (allocation, create-only rules) must only run on create.
 */
const updating = new WeakSet<object>();

/** Marks the private copy being updated; called from prepareForUpdate. */
export function markUpdate(obj: object): void {
  updating.add(obj);
}

/** True when `obj` is the private copy of an update in progress. */
export function isUpdate(obj: object): boolean {
  return updating.has(obj);
}
