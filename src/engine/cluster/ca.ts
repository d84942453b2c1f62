/**
 * The cluster CA certificate published in every namespace's `kube-root-ca.crt` ConfigMap.
 * Divergence: a simulated cluster has no TLS; the PEM block is a deterministic stand-in of the right shape, derived
 * from the cluster name, so YAML output looks like a real cluster's without carrying real key material.
 */
import { fnv32a } from '../api/names';

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** A PEM certificate block for the cluster named `name`. */
export function clusterCaPem(name: string): string {
  // Real kubeadm CAs start with this DER prefix in base64; the rest is derived from the name.
  let body = 'MIIDBTCCAe2gAwIBAgII';
  let seed = fnv32a(`ca:${name}`);
  while (body.length < 1036) {
    seed = fnv32a(`${seed}`);
    for (let i = 0; i < 5; i++) body += B64[(seed >>> (i * 6)) & 63];
  }
  body = body.slice(0, 1036) + '==';
  const lines = body.match(/.{1,64}/g)!;
  return `-----BEGIN CERTIFICATE-----\n${lines.join('\n')}\n-----END CERTIFICATE-----\n`;
}
