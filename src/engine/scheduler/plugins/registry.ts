/**
 * The plugin registry and the default profile: which plugins run, in which order, with which score weights.
 * Later plugins (a VolumeBinding implementation, say) join through `registerPlugin`; a registered name from the
 * upstream list takes its upstream position.
 * Models pkg/scheduler/framework/plugins/registry.go and pkg/scheduler/apis/config/v1/default_plugins.go.
 */
import type { PluginFactory } from '../framework/interface';
import * as names from './names';
import { newNodeUnschedulable } from './nodeunschedulable/node-unschedulable';
import { newNodeName } from './nodename/node-name';
import { newTaintToleration } from './tainttoleration/taint-toleration';
import { newNodeAffinity } from './nodeaffinity/node-affinity';
import { newNodePorts } from './nodeports/node-ports';
import { newFit } from './noderesources/fit';
import { newBalancedAllocation } from './noderesources/balanced-allocation';
import { newImageLocality } from './imagelocality/image-locality';
import { newInterPodAffinity } from './interpodaffinity/inter-pod-affinity';
import { newPodTopologySpread } from './podtopologyspread/pod-topology-spread';
import { newDefaultPreemption } from './defaultpreemption/default-preemption';
import type { ResourceSpec } from './noderesources/resource-allocation';

/** A plugin the scheduler can enable. */
export interface PluginRegistration {
  /** The upstream plugin name. */
  name: string;
  factory: PluginFactory;
  /** Score weight in the default profile (plugins that do not score ignore it). */
  weight?: number;
}

/**
 * The v1.34 default profile's MultiPoint order. Names without a registration (volume plugins, DRA,
 * SchedulingGates/PrioritySort/DefaultBinder, which the queue and binder implement directly) are skipped.
 */
export const DEFAULT_PLUGIN_ORDER: readonly { name: string; weight?: number }[] = [
  { name: names.SchedulingGates },
  { name: names.PrioritySort },
  { name: names.NodeUnschedulable },
  { name: names.NodeName },
  { name: names.TaintToleration, weight: 3 },
  { name: names.NodeAffinity, weight: 2 },
  { name: names.NodePorts },
  { name: names.NodeResourcesFit, weight: 1 },
  { name: 'VolumeRestrictions' },
  { name: 'NodeVolumeLimits' },
  { name: names.VolumeBinding },
  { name: 'VolumeZone' },
  { name: 'DynamicResources' },
  { name: names.PodTopologySpread, weight: 2 },
  { name: names.InterPodAffinity, weight: 2 },
  { name: names.DefaultPreemption },
  { name: names.NodeResourcesBalancedAllocation, weight: 1 },
  { name: names.ImageLocality, weight: 1 },
  { name: names.DefaultBinder },
];

const resources = (args: Readonly<Record<string, unknown>>) => args.resources as readonly ResourceSpec[] | undefined;

/** Models NewInTreeRegistry. */
const IN_TREE: readonly PluginRegistration[] = [
  { name: names.NodeUnschedulable, factory: () => newNodeUnschedulable() },
  { name: names.NodeName, factory: () => newNodeName() },
  { name: names.TaintToleration, factory: () => newTaintToleration() },
  { name: names.NodeAffinity, factory: () => newNodeAffinity() },
  { name: names.NodePorts, factory: () => newNodePorts() },
  { name: names.NodeResourcesFit, factory: (_h, args) => newFit({ resources: resources(args) }) },
  { name: names.PodTopologySpread, factory: (h, args) => newPodTopologySpread(h, args) },
  { name: names.InterPodAffinity, factory: (h, args) => newInterPodAffinity(h, args) },
  { name: names.DefaultPreemption, factory: (h, args) => newDefaultPreemption(h, args) },
  { name: names.NodeResourcesBalancedAllocation, factory: (_h, args) => newBalancedAllocation({ resources: resources(args) }) },
  { name: names.ImageLocality, factory: (h) => newImageLocality(h) },
];

const extra = new Map<string, PluginRegistration>();

/**
 * Registers an out-of-tree (or not-yet-written) plugin for every scheduler started afterwards, e.g. a
 * VolumeBinding plugin. Re-registering a name replaces the earlier registration.
 */
export function registerPlugin(reg: PluginRegistration): void {
  extra.set(reg.name, reg);
}

/** Removes a registration made with registerPlugin (tests). */
export function unregisterPlugin(name: string): void {
  extra.delete(name);
}

/** The enabled plugins in profile order, with weights: in-tree defaults, then registrations. */
export function defaultProfilePlugins(): { reg: PluginRegistration; weight: number }[] {
  const all = new Map<string, PluginRegistration>(IN_TREE.map((r) => [r.name, r]));
  for (const [n, r] of extra) all.set(n, r);
  const out: { reg: PluginRegistration; weight: number }[] = [];
  const placed = new Set<string>();
  for (const { name, weight } of DEFAULT_PLUGIN_ORDER) {
    const reg = all.get(name);
    if (!reg) continue;
    out.push({ reg, weight: reg.weight ?? weight ?? 1 });
    placed.add(name);
  }
  // Registrations with names outside the upstream list run last, in registration order.
  for (const [name, reg] of extra) if (!placed.has(name)) out.push({ reg, weight: reg.weight ?? 1 });
  return out;
}
