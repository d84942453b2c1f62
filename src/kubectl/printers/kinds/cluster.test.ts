import { describe, expect, it } from 'vitest';
import { printTable } from '../table';
import { NOW, obj } from '../testing/fixtures';

const nodeInfo = { kubeletVersion: 'v1.34.0', osImage: 'Ubuntu 22.04.4 LTS', kernelVersion: '5.15.0-112-generic', containerRuntimeVersion: 'containerd://1.7.12' };
const ready = (status: string) => [{ type: 'MemoryPressure', status: 'False' }, { type: 'Ready', status }];

describe('Node table', () => {
  const nodes = [
    obj('v1', 'Node', 'vm1', 86400 * 47, {
      spec: { taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }] },
      status: { conditions: ready('True'), nodeInfo, addresses: [{ type: 'InternalIP', address: '192.168.56.101' }, { type: 'Hostname', address: 'vm1' }] },
    }, { labels: { 'node-role.kubernetes.io/control-plane': '', 'kubernetes.io/hostname': 'vm1' } }),
    obj('v1', 'Node', 'vm2', 86400 * 47, {
      spec: { unschedulable: true },
      status: { conditions: ready('True'), nodeInfo, addresses: [{ type: 'InternalIP', address: '192.168.56.102' }, { type: 'ExternalIP', address: '203.0.113.12' }] },
    }, { labels: { 'kubernetes.io/role': 'worker', 'node-role.kubernetes.io/ingress': '' } }),
    obj('v1', 'Node', 'vm3', 3600, {
      spec: {},
      status: { conditions: ready('Unknown'), nodeInfo: { kubeletVersion: 'v1.34.0' }, addresses: [] },
    }),
    obj('v1', 'Node', 'vm4', 30, { spec: {}, status: { nodeInfo: { kubeletVersion: 'v1.34.0' } } }),
  ];

  it('prints STATUS (with SchedulingDisabled), ROLES and VERSION', () => {
    expect(printTable(nodes, { nowMs: NOW })).toBe(
      'NAME   STATUS                     ROLES            AGE   VERSION\n' +
      'vm1    Ready                      control-plane    47d   v1.34.0\n' +
      'vm2    Ready,SchedulingDisabled   ingress,worker   47d   v1.34.0\n' +
      'vm3    NotReady                   <none>           60m   v1.34.0\n' +
      'vm4    Unknown                    <none>           30s   v1.34.0\n',
    );
  });

  it('adds addresses and system info with -o wide', () => {
    expect(printTable(nodes.slice(0, 3), { nowMs: NOW, wide: true })).toBe(
      'NAME   STATUS                     ROLES            AGE   VERSION   INTERNAL-IP      EXTERNAL-IP    OS-IMAGE             KERNEL-VERSION       CONTAINER-RUNTIME\n' +
      'vm1    Ready                      control-plane    47d   v1.34.0   192.168.56.101   <none>         Ubuntu 22.04.4 LTS   5.15.0-112-generic   containerd://1.7.12\n' +
      'vm2    Ready,SchedulingDisabled   ingress,worker   47d   v1.34.0   192.168.56.102   203.0.113.12   Ubuntu 22.04.4 LTS   5.15.0-112-generic   containerd://1.7.12\n' +
      'vm3    NotReady                   <none>           60m   v1.34.0   <none>           <none>         <unknown>            <unknown>            <unknown>\n',
    );
  });
});

describe('Namespace, Lease and PriorityClass tables', () => {
  it('prints namespaces', () => {
    const ns = [
      obj('v1', 'Namespace', 'default', 86400 * 47, { status: { phase: 'Active' } }),
      obj('v1', 'Namespace', 'kube-system', 86400 * 47, { status: { phase: 'Active' } }),
      obj('v1', 'Namespace', 'test-ns', 110, { status: { phase: 'Terminating' } }, { deletionTimestamp: '2025-06-01T11:59:59Z' }),
    ];
    expect(printTable(ns, { nowMs: NOW })).toBe(
      'NAME          STATUS        AGE\n' +
      'default       Active        47d\n' +
      'kube-system   Active        47d\n' +
      'test-ns       Terminating   110s\n',
    );
  });

  it('prints leases with their holder', () => {
    const leases = [
      obj('coordination.k8s.io/v1', 'Lease', 'vm1', 86400 * 47, { spec: { holderIdentity: 'vm1', leaseDurationSeconds: 40 } }, { namespace: 'kube-node-lease' }),
      obj('coordination.k8s.io/v1', 'Lease', 'kube-scheduler', 86400 * 47, { spec: { holderIdentity: 'vm1_6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f' } }, { namespace: 'kube-system' }),
      obj('coordination.k8s.io/v1', 'Lease', 'released', 60, { spec: {} }, { namespace: 'kube-system' }),
    ];
    expect(printTable(leases, { nowMs: NOW, withNamespace: true })).toBe(
      'NAMESPACE         NAME             HOLDER                                     AGE\n' +
      'kube-node-lease   vm1              vm1                                        47d\n' +
      'kube-system       kube-scheduler   vm1_6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f   47d\n' +
      'kube-system       released                                                    60s\n',
    );
  });

  it('prints priority classes, PREEMPTIONPOLICY included', () => {
    const classes = [
      obj('scheduling.k8s.io/v1', 'PriorityClass', 'system-cluster-critical', 86400 * 47, { value: 2000000000, globalDefault: false, preemptionPolicy: 'PreemptLowerPriority' }),
      obj('scheduling.k8s.io/v1', 'PriorityClass', 'high-priority', 60, { value: 1000000, globalDefault: true, preemptionPolicy: 'Never' }),
    ];
    expect(printTable(classes, { nowMs: NOW })).toBe(
      'NAME                      VALUE        GLOBAL-DEFAULT   AGE   PREEMPTIONPOLICY\n' +
      'system-cluster-critical   2000000000   false            47d   PreemptLowerPriority\n' +
      'high-priority             1000000      true             60s   Never\n',
    );
  });
});
