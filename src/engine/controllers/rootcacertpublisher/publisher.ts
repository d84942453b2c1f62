/**
 * Publishes the cluster CA bundle as ConfigMap `kube-root-ca.crt` in every namespace, as every real cluster shows
 * in `kubectl get configmaps`.
 * Models pkg/controller/certificates/rootcacertpublisher/publisher.go.
 */
import type { ComponentContext } from '../../cluster/context';
import { WorkQueue } from '../runtime';

export const ROOT_CA_CONFIGMAP = 'kube-root-ca.crt';

/** Starts the publisher with the cluster's CA certificate (PEM). */
export function startRootCACertPublisher(ctx: ComponentContext, caPem: string): void {
  const queue = new WorkQueue(ctx.clock, ctx.rng, 'root-ca-cert-publisher', (ns) => {
    const n = ctx.api.get('Namespace', undefined, ns);
    if (!n || n.metadata.deletionTimestamp) return;
    const cm = ctx.api.get('ConfigMap', ns, ROOT_CA_CONFIGMAP);
    if (!cm) {
      ctx.api.create({
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: ROOT_CA_CONFIGMAP, namespace: ns, annotations: { 'kubernetes.io/description': 'Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. No other usage is guaranteed across distributions of Kubernetes clusters.' } },
        data: { 'ca.crt': caPem },
      });
    } else if ((cm.data as Record<string, string> | undefined)?.['ca.crt'] !== caPem) {
      ctx.api.mutate('ConfigMap', ns, ROOT_CA_CONFIGMAP, (c) => { c.data = { 'ca.crt': caPem }; });
    }
  }, { minMs: 1, maxMs: 4 });
  ctx.api.watch('Namespace', (ev) => { if (ev.type !== 'DELETED') queue.add(ev.object.metadata.name); });
  ctx.api.watch('ConfigMap', (ev) => { if (ev.object.metadata.name === ROOT_CA_CONFIGMAP) queue.add(ev.object.metadata.namespace!); });
}
