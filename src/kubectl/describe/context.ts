/**
 * What a describer may read besides the object itself: the virtual clock and read access to the cluster.
 */
import type { KubeObject } from '../../engine';

/** Read access to the cluster for describers (related objects, events) and the current virtual time. */
export interface DescribeContext {
  /** Virtual milliseconds since the epoch; every AGE is measured against it. */
  nowMs: number;
  /** One object by kind, namespace (undefined for cluster-scoped kinds) and name. */
  get(kind: string, namespace: string | undefined, name: string): KubeObject | undefined;
  /** All objects of a kind, in one namespace when given. */
  list(kind: string, namespace?: string): KubeObject[];
  /** The core/v1 Events whose involvedObject.uid is the object's uid. */
  eventsFor(obj: KubeObject): KubeObject[];
  /** `--show-events`: when false the Events section is left out entirely. Defaults to true. */
  showEvents?: boolean;
}

/** The object's events, or undefined when the Events section is turned off (`--show-events=false`). */
export function eventsOf(ctx: DescribeContext, obj: KubeObject): KubeObject[] | undefined {
  return ctx.showEvents === false ? undefined : ctx.eventsFor(obj);
}
