/**
 * The cluster-wide allocators behind Services: ClusterIPs from the service CIDR and NodePorts from the node-port
 * range, handed out pseudo-randomly from a seeded stream as upstream hands them out randomly.
 * Models pkg/registry/core/service/ipallocator (bitmap allocator with static/dynamic bands) and
 * pkg/registry/core/service/portallocator.
 */
import type { Rng } from '../sim/rng';
import type { Allocators } from './strategy';

/** The `--service-cluster-ip-range` of a kind cluster. */
export const SERVICE_CLUSTER_IP_RANGE = '10.96.0.0/12';

/** The `--service-node-port-range` default. */
export const NODE_PORT_RANGE = { min: 30000, max: 32767 } as const;

/** Addresses never handed out at random: the `kubernetes` Service and the `kube-dns` Service claim them. */
export const RESERVED_CLUSTER_IPS: readonly string[] = ['10.96.0.1', '10.96.0.10'];

/** Parses dotted IPv4 text to a 32-bit number, or undefined. */
export function ipv4ToNumber(ip: string): number | undefined {
  const parts = ip.split('.');
  if (parts.length !== 4) return undefined;
  let n = 0;
  for (const p of parts) {
    if (!/^(0|[1-9]\d{0,2})$/.test(p)) return undefined;
    const v = Number(p);
    if (v > 255) return undefined;
    n = n * 256 + v;
  }
  return n;
}

/** Formats a 32-bit number as dotted IPv4 text. */
export function numberToIpv4(n: number): string {
  return [24, 16, 8, 0].map((s) => Math.floor(n / 2 ** s) % 256).join('.');
}

/** Parses `a.b.c.d/len` into its first address and size. */
function parseCidr(cidr: string): { base: number; size: number } {
  const [ip, len] = cidr.split('/') as [string, string];
  const bits = Number(len);
  const size = 2 ** (32 - bits);
  const base = Math.floor(ipv4ToNumber(ip)! / size) * size;
  return { base, size };
}

/** True when `ip` is a usable address of `cidr` (not its network or broadcast address). */
export function isClusterIPInRange(ip: string, cidr: string = SERVICE_CLUSTER_IP_RANGE): boolean {
  const n = ipv4ToNumber(ip);
  if (n === undefined) return false;
  const { base, size } = parseCidr(cidr);
  return n > base && n < base + size - 1;
}

/** True when `port` lies in NODE_PORT_RANGE. */
export function isNodePortInRange(port: number): boolean {
  return Number.isInteger(port) && port >= NODE_PORT_RANGE.min && port <= NODE_PORT_RANGE.max;
}

/**
 * Models ipallocator's band split: the lower band (min(max(16, size/16), 256) addresses) is kept for static
 * requests; random allocation prefers the upper band and falls back to the lower one when it is full.
 */
function staticBandSize(size: number, min: number, max: number, divisor: number): number {
  return Math.min(Math.max(min, Math.floor(size / divisor)), max);
}

/** Allocators for one cluster: ClusterIPs in SERVICE_CLUSTER_IP_RANGE, NodePorts in NODE_PORT_RANGE. */
export class ServiceAllocators implements Allocators {
  private readonly ipBase: number;
  private readonly ipSize: number;
  private readonly takenIPs = new Set<number>();
  private readonly reservedIPs: Set<number>;
  private readonly takenPorts = new Set<number>();

  constructor(private readonly rng: Rng, cidr: string = SERVICE_CLUSTER_IP_RANGE) {
    const { base, size } = parseCidr(cidr);
    this.ipBase = base;
    this.ipSize = size;
    this.reservedIPs = new Set(RESERVED_CLUSTER_IPS.map((ip) => ipv4ToNumber(ip)!));
  }

  /** True when `ip` lies in the service CIDR and is neither its network nor its broadcast address. */
  isClusterIPInRange(ip: string): boolean {
    const n = ipv4ToNumber(ip);
    return n !== undefined && n > this.ipBase && n < this.ipBase + this.ipSize - 1;
  }

  /** True when `port` lies in the node-port range. */
  isNodePortInRange(port: number): boolean {
    return isNodePortInRange(port);
  }

  allocateClusterIP(): string | undefined {
    // Usable offsets are 1 .. size-2 (no network or broadcast address).
    const first = 1;
    const last = this.ipSize - 2;
    const band = staticBandSize(this.ipSize, 16, 256, 16);
    const pick = (lo: number, hi: number): number | undefined => {
      if (hi < lo) return undefined;
      const span = hi - lo + 1;
      const start = this.rng.int(span);
      for (let i = 0; i < span; i++) {
        const n = this.ipBase + lo + ((start + i) % span);
        if (!this.takenIPs.has(n) && !this.reservedIPs.has(n)) return n;
      }
      return undefined;
    };
    const n = pick(first + band, last) ?? pick(first, Math.min(last, first + band - 1));
    if (n === undefined) return undefined;
    this.takenIPs.add(n);
    return numberToIpv4(n);
  }

  claimClusterIP(ip: string): boolean {
    if (!this.isClusterIPInRange(ip)) return false;
    const n = ipv4ToNumber(ip)!;
    if (this.takenIPs.has(n)) return false;
    this.takenIPs.add(n);
    return true;
  }

  releaseClusterIP(ip: string): void {
    const n = ipv4ToNumber(ip);
    if (n !== undefined) this.takenIPs.delete(n);
  }

  /** True when `ip` is currently held. */
  isClusterIPTaken(ip: string): boolean {
    const n = ipv4ToNumber(ip);
    return n !== undefined && this.takenIPs.has(n);
  }

  allocateNodePort(): number | undefined {
    const size = NODE_PORT_RANGE.max - NODE_PORT_RANGE.min + 1;
    // Models portallocator's static band: min(max(16, size/32), 128) ports at the bottom of the range.
    const band = staticBandSize(size, 16, 128, 32);
    const pick = (lo: number, hi: number): number | undefined => {
      if (hi < lo) return undefined;
      const span = hi - lo + 1;
      const start = this.rng.int(span);
      for (let i = 0; i < span; i++) {
        const p = NODE_PORT_RANGE.min + lo + ((start + i) % span);
        if (!this.takenPorts.has(p)) return p;
      }
      return undefined;
    };
    const port = pick(band, size - 1) ?? pick(0, band - 1);
    if (port === undefined) return undefined;
    this.takenPorts.add(port);
    return port;
  }

  claimNodePort(port: number): boolean {
    if (!isNodePortInRange(port) || this.takenPorts.has(port)) return false;
    this.takenPorts.add(port);
    return true;
  }

  releaseNodePort(port: number): void {
    this.takenPorts.delete(port);
  }

  /** True when `port` is currently held. */
  isNodePortTaken(port: number): boolean {
    return this.takenPorts.has(port);
  }
}
