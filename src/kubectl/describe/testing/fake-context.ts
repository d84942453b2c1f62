/**
 * An in-memory DescribeContext over a fixed list of objects, for describer tests.
 */
import type { KubeObject } from '../../../engine';
import type { DescribeContext } from '../context';

/** A context that answers from `objects`; events match by involvedObject.uid. */
export function fakeContext(objects: readonly KubeObject[], nowMs: number): DescribeContext {
  return {
    nowMs,
    get: (kind, namespace, name) =>
      objects.find((o) => o.kind === kind && (o.metadata.namespace ?? undefined) === namespace && o.metadata.name === name),
    list: (kind, namespace) =>
      objects.filter((o) => o.kind === kind && (namespace === undefined || o.metadata.namespace === namespace)),
    eventsFor: (obj) =>
      objects.filter((o) => o.kind === 'Event' && (o.involvedObject as { uid?: string } | undefined)?.uid === obj.metadata.uid),
  };
}
