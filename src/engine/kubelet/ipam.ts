/**
 * Pod IP allocation from a node's podCIDR, round-robin like the host-local IPAM plugin: freed addresses are reused
 * only after the range wraps, so a replacement pod gets a new IP.
 */

/** Allocates addresses from one /24. */
export class NodeIpam {
  private readonly used = new Set<number>();
  private last = 1;

  constructor(private readonly prefix: string) {}

  /** The next free address (`10.244.1.7`), or undefined when all 253 are in use. */
  allocate(): string | undefined {
    for (let i = 0; i < 253; i++) {
      const host = (((this.last - 1 + i) % 253) + 253) % 253 + 2; // hosts .2 .. .254, starting after the last one
      if (!this.used.has(host)) {
        this.used.add(host);
        this.last = host;
        return `${this.prefix}.${host}`;
      }
    }
    return undefined;
  }

  release(ip: string): void {
    const host = Number(ip.slice(ip.lastIndexOf('.') + 1));
    this.used.delete(host);
  }
}
