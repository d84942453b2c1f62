/**
 * The `Pods Status:` counts of controllers: pods matching the selector and controlled by the object, by phase.
 */
import type { LabelSelector } from 'kubernetes-types/meta/v1';
import { controllerRef, selectorMatches, type KubeObject } from '../../engine';
import type { DescribeContext } from './context';

/** Pods of a controller by phase. */
export interface PodPhaseCounts {
  running: number;
  waiting: number;
  succeeded: number;
  failed: number;
}

/**
 * Counts the pods in the controller's namespace that its selector matches and whose controller reference
 * points at it; Pending pods count as waiting.
 * Models staging/src/k8s.io/kubectl/pkg/describe/describe.go getPodStatusForController.
 */
export function podStatusForController(
  ctx: DescribeContext,
  owner: KubeObject,
  selector: LabelSelector | undefined,
): PodPhaseCounts {
  const counts: PodPhaseCounts = { running: 0, waiting: 0, succeeded: 0, failed: 0 };
  for (const pod of ctx.list('Pod', owner.metadata.namespace)) {
    if (!selectorMatches(selector, pod.metadata.labels)) continue;
    if (controllerRef(pod)?.uid !== owner.metadata.uid) continue;
    switch ((pod.status as { phase?: string } | undefined)?.phase) {
      case 'Running':
        counts.running++;
        break;
      case 'Pending':
        counts.waiting++;
        break;
      case 'Succeeded':
        counts.succeeded++;
        break;
      case 'Failed':
        counts.failed++;
        break;
    }
  }
  return counts;
}

/** `1 Running / 0 Waiting / 0 Succeeded / 0 Failed`. */
export function formatPodPhaseCounts(c: PodPhaseCounts): string {
  return `${c.running} Running / ${c.waiting} Waiting / ${c.succeeded} Succeeded / ${c.failed} Failed`;
}
