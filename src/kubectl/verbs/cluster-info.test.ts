import { describe, expect, it } from 'vitest';
import { session } from './support/testing/harness';

describe('kubectl cluster-info', () => {
  it('shows the control plane and CoreDNS through the apiserver proxy, without colour', () => {
    const s = session();
    expect(s.run('kubectl cluster-info').output).toBe(
      'Kubernetes control plane is running at https://127.0.0.1:43731\n' +
        'CoreDNS is running at https://127.0.0.1:43731/api/v1/namespaces/kube-system/services/kube-dns:dns/proxy\n' +
        '\n' +
        "To further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n",
    );
  });

  it('looks for cluster services in the namespace given with -n', () => {
    const s = session();
    expect(s.run('kubectl cluster-info -n default').output).toBe(
      "Kubernetes control plane is running at https://127.0.0.1:43731\n\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n",
    );
  });
});
