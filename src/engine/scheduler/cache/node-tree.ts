/**
 * The order in which the scheduler scans nodes: zones interleaved round-robin, so a scan that stops early
 * (numFeasibleNodesToFind) still spreads across zones.
 * Models pkg/scheduler/backend/cache/node_tree.go and pkg/util/node GetZoneKey.
 */
import type { Labels } from '../../api/labels';

/** Models GetZoneKey: region + ":\x00:" + zone, or '' when the node has neither label. */
export function zoneKey(labels: Labels): string {
  if (!labels) return '';
  const zone = labels['topology.kubernetes.io/zone'] ?? labels['failure-domain.beta.kubernetes.io/zone'] ?? '';
  const region = labels['topology.kubernetes.io/region'] ?? labels['failure-domain.beta.kubernetes.io/region'] ?? '';
  if (region === '' && zone === '') return '';
  return `${region}:\u0000:${zone}`;
}

/** Node names grouped by zone, in insertion order. */
export class NodeTree {
  private readonly tree = new Map<string, string[]>();
  private readonly zones: string[] = [];
  private numNodes = 0;

  add(name: string, zone: string): void {
    const na = this.tree.get(zone);
    if (na) {
      if (na.includes(name)) return;
      na.push(name);
    } else {
      this.zones.push(zone);
      this.tree.set(zone, [name]);
    }
    this.numNodes++;
  }

  remove(name: string, zone: string): void {
    const na = this.tree.get(zone);
    if (!na) return;
    const i = na.indexOf(name);
    if (i < 0) return;
    na.splice(i, 1);
    if (na.length === 0) {
      this.tree.delete(zone);
      this.zones.splice(this.zones.indexOf(zone), 1);
    }
    this.numNodes--;
  }

  /** Models nodeTree.list: one node from each zone in turn until every zone is exhausted. */
  list(): string[] {
    const out: string[] = [];
    for (let nodeIndex = 0; out.length < this.numNodes; nodeIndex++) {
      for (const z of this.zones) {
        const na = this.tree.get(z)!;
        if (nodeIndex < na.length) out.push(na[nodeIndex]!);
      }
    }
    return out;
  }
}
