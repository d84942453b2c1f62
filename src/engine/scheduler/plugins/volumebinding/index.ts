/**
 * The VolumeBinding scheduler plugin: registration with the scheduler's plugin registry, and the binding step
 * that follows a pod's placement.
 */
import { registerPlugin } from '../registry';
import { VolumeBinding } from '../names';
import { newVolumeBinding } from './volume-binding';

/** Registers VolumeBinding for every scheduler started afterwards (it takes its upstream place in the profile). */
export function registerVolumeBindingPlugin(): void {
  registerPlugin({ name: VolumeBinding, factory: (h) => newVolumeBinding(h) });
}

export { newVolumeBinding, podClaimsProblem, ERR_REASON_UNBOUND_IMMEDIATE } from './volume-binding';
export { startVolumeBindingPreBind } from './prebind';
export {
  findPodVolumes, getPodVolumeClaims, volumeFitsNode, ERR_REASON_BIND_CONFLICT, ERR_REASON_NODE_CONFLICT,
  ERR_REASON_NOT_ENOUGH_SPACE, ERR_REASON_PV_NOT_EXIST,
} from './binder';
export type { PodVolumeClaims, PodVolumes, FindResult } from './binder';
