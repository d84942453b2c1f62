import { describe, expect, it } from 'vitest';
import { cacheWith, runFilter } from '../../testing/harness';
import { makeNode, makePod } from '../../testing/fixtures';
import { newNodePorts } from './node-ports';

describe('NodePorts', () => {
  it('rejects nodes where a requested host port is taken', () => {
    const c = cacheWith([makeNode('a'), makeNode('b')], [makePod('x', { nodeName: 'a', containers: [{ hostPort: 8080 }] })]);
    const r = runFilter(newNodePorts(), makePod('p', { containers: [{ hostPort: 8080 }] }), c);
    expect(r.a!.reasons).toEqual(["node(s) didn't have free ports for the requested pod ports"]);
    expect(r.b).toBeNull();
  });
});
