import { describe, expect, it } from 'vitest';
import { createRng } from '../sim/rng';
import { ServiceAllocators, isClusterIPInRange, isNodePortInRange } from './allocators';

describe('ServiceAllocators', () => {
  it('hands out random IPs from the dynamic band of 10.96.0.0/12, never the reserved ones', () => {
    const a = new ServiceAllocators(createRng(3));
    const ips = Array.from({ length: 50 }, () => a.allocateClusterIP()!);
    expect(new Set(ips).size).toBe(50);
    for (const ip of ips) {
      expect(isClusterIPInRange(ip)).toBe(true);
      // The first 256 addresses are kept for static requests.
      expect(ip.startsWith('10.96.0.')).toBe(false);
    }
    expect(ips).not.toContain('10.96.0.1');
  });

  it('is deterministic for a seed', () => {
    const a = new ServiceAllocators(createRng(3));
    const b = new ServiceAllocators(createRng(3));
    expect([a.allocateClusterIP(), a.allocateNodePort()]).toEqual([b.allocateClusterIP(), b.allocateNodePort()]);
  });

  it('claims reserved and free addresses once and refuses out-of-range ones', () => {
    const a = new ServiceAllocators(createRng(1));
    expect(a.claimClusterIP('10.96.0.1')).toBe(true);
    expect(a.claimClusterIP('10.96.0.1')).toBe(false);
    expect(a.claimClusterIP('10.96.0.0')).toBe(false);
    expect(a.claimClusterIP('10.111.255.255')).toBe(false);
    expect(a.claimClusterIP('10.111.255.254')).toBe(true);
    expect(a.claimClusterIP('192.168.0.1')).toBe(false);
    a.releaseClusterIP('10.96.0.1');
    expect(a.claimClusterIP('10.96.0.1')).toBe(true);
  });

  it('hands out node ports in 30000-32767 and tracks claims', () => {
    const a = new ServiceAllocators(createRng(5));
    const ports = Array.from({ length: 20 }, () => a.allocateNodePort()!);
    for (const p of ports) expect(isNodePortInRange(p)).toBe(true);
    expect(new Set(ports).size).toBe(20);
    expect(a.claimNodePort(ports[0]!)).toBe(false);
    expect(a.claimNodePort(29999)).toBe(false);
    expect(a.claimNodePort(30000)).toBe(true);
    a.releaseNodePort(30000);
    expect(a.isNodePortTaken(30000)).toBe(false);
  });

  it('uses every port before it runs out', () => {
    const a = new ServiceAllocators(createRng(9));
    const seen = new Set<number>();
    for (let i = 0; i < 2768; i++) seen.add(a.allocateNodePort()!);
    expect(seen.size).toBe(2768);
    expect(a.allocateNodePort()).toBeUndefined();
  });
});
