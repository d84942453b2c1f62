/**
 * Batched creation that starts small and doubles while calls succeed, so a quota or admission failure costs one
 * call instead of hundreds. Models pkg/controller/replicaset/replica_set.go slowStartBatch and
 * controller.SlowStartInitialBatchSize.
 */

/** Size of the first batch. */
export const SLOW_START_INITIAL_BATCH_SIZE = 1;

/** Batch sizes for `count` calls when every call succeeds: 1, 2, 4, ... capped by what remains. */
export function slowStartBatchSizes(count: number, initialBatchSize = SLOW_START_INITIAL_BATCH_SIZE): number[] {
  const sizes: number[] = [];
  let remaining = count;
  for (let size = Math.min(remaining, initialBatchSize); size > 0; size = Math.min(2 * size, remaining)) {
    sizes.push(size);
    remaining -= size;
  }
  return sizes;
}

/** What a slow-start run did: successful calls and the first error, if a batch had one. */
export interface SlowStartResult<E> {
  successes: number;
  error?: E;
}

/**
 * Calls `fn` up to `count` times in doubling batches. Every call of a batch is made (upstream runs them
 * concurrently); if any failed, later batches are skipped and the first error is returned.
 */
export function slowStartBatch<E>(count: number, initialBatchSize: number, fn: () => E | undefined): SlowStartResult<E> {
  let remaining = count;
  let successes = 0;
  for (let size = Math.min(remaining, initialBatchSize); size > 0; size = Math.min(2 * size, remaining)) {
    let firstError: E | undefined;
    let failures = 0;
    for (let i = 0; i < size; i++) {
      const err = fn();
      if (err !== undefined) {
        failures++;
        firstError ??= err;
      }
    }
    successes += size - failures;
    if (failures > 0) return { successes, error: firstError };
    remaining -= size;
  }
  return { successes };
}
