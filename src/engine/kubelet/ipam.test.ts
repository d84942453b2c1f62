import { describe, expect, it } from 'vitest';
import { NodeIpam } from './ipam';

describe('NodeIpam', () => {
  it('hands out addresses in order from .2', () => {
    const ipam = new NodeIpam('10.244.1');
    expect([ipam.allocate(), ipam.allocate(), ipam.allocate()]).toEqual(['10.244.1.2', '10.244.1.3', '10.244.1.4']);
  });

  it('does not reuse a released address until the range wraps', () => {
    const ipam = new NodeIpam('10.244.2');
    const first = ipam.allocate()!;
    ipam.allocate();
    ipam.release(first);
    expect(ipam.allocate()).toBe('10.244.2.4');
    for (let i = 5; i <= 254; i++) expect(ipam.allocate()).toBe(`10.244.2.${i}`);
    // Wrapped around: the only free address left is the released one.
    expect(ipam.allocate()).toBe('10.244.2.2');
    expect(ipam.allocate()).toBeUndefined();
  });
});
