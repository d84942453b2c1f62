/**
 * ImageLocality: prefer nodes that already have the pod's images, scaled by how widespread each image is.
 * Models pkg/scheduler/framework/plugins/imagelocality/image_locality.go.
 */
import { MAX_NODE_SCORE, type Handle, type SchedulerPlugin } from '../../framework/interface';
import type { NodeInfo } from '../../framework/node-info';
import type { PodInfo } from '../../framework/pod-info';
import { ImageLocality as NAME } from '../names';

const MB = 1024 * 1024;
/** Below this sum of (scaled) image sizes the score is 0. */
const MIN_THRESHOLD = 23 * MB;
/** Per container: at or above this sum the score is 100. */
const MAX_CONTAINER_THRESHOLD = 1000 * MB;

/** Models calculatePriority: clamp the sum to [23MiB, 1000MiB * containers] and scale to 0..100. */
export function calculatePriority(sumScores: number, numContainers: number): number {
  const maxThreshold = MAX_CONTAINER_THRESHOLD * numContainers;
  let s = sumScores;
  if (s < MIN_THRESHOLD) s = MIN_THRESHOLD;
  else if (s > maxThreshold) s = maxThreshold;
  return Math.floor((MAX_NODE_SCORE * (s - MIN_THRESHOLD)) / (maxThreshold - MIN_THRESHOLD));
}

/** Models sumImageScores: each present image counts size * (nodes with it / all nodes), truncated. */
export function sumImageScores(ni: NodeInfo, pod: PodInfo, totalNumNodes: number): number {
  let sum = 0;
  for (const image of pod.images) {
    const st = ni.imageStates.get(image);
    if (st) sum += Math.trunc(st.size * (st.numNodes / totalNumNodes));
  }
  return sum;
}

/** Builds the plugin. */
export function newImageLocality(handle: Handle): SchedulerPlugin {
  return {
    name: NAME,
    score(_state, pod, nodeInfo) {
      if (nodeInfo.imageStates.size === 0) return 0;
      const total = handle.snapshot.list().length;
      const spec = pod.pod.spec;
      const numContainers = (spec?.initContainers?.length ?? 0) + (spec?.containers?.length ?? 0);
      return calculatePriority(sumImageScores(nodeInfo, pod, total), numContainers);
    },
  };
}
