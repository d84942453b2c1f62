/**
 * `kubectl cluster-info`: where the control plane and the cluster services (labelled
 * `kubernetes.io/cluster-service=true`, in kube-system by default) can be reached through the apiserver proxy.
 * Models staging/src/k8s.io/kubectl/pkg/cmd/clusterinfo/clusterinfo.go.
 */
import type { Service } from '../../engine';
import type { Command } from '../command';
import { flag, type ParsedArgs } from '../cli/flags';
import type { CommandContext } from '../context';
import { clientError } from '../errors';
import { apiServerUrl } from './config';

/** Models k8s.io/apimachinery/pkg/util/net JoinSchemeNamePort. */
function joinSchemeNamePort(scheme: string, name: string, port: string): string {
  if (scheme) return `${scheme}:${name}:${port}`;
  if (port) return `${name}:${port}`;
  return name;
}

export const clusterInfoCommand: Command = {
  name: 'cluster-info',
  short: 'Display cluster information',
  usage: 'kubectl cluster-info [flags] [options]',
  flags: [],
  subcommands: [
    {
      name: 'dump',
      short: 'Dump relevant information for debugging and diagnosis',
      usage: 'kubectl cluster-info dump [flags] [options]',
      flags: [
        { name: 'output-directory', type: 'string', default: '' },
        { name: 'all-namespaces', short: 'A', type: 'bool' },
        { name: 'namespaces', type: 'stringArray', default: [] },
        { name: 'output', short: 'o', type: 'string', default: 'json' },
      ],
      run: () => {
        // Divergence: the dump writes every object and container log of the cluster; not available here.
        throw clientError('cluster-info dump is not supported by this kubectl');
      },
    },
  ],
  run: runClusterInfo,
};

function runClusterInfo(ctx: CommandContext, args: ParsedArgs): number {
  const host = apiServerUrl(ctx);
  const namespace = flag.has(args, 'namespace') ? ctx.namespace : 'kube-system';
  const services = ctx.cluster.api.list('Service', namespace, { labelSelector: [{ key: 'kubernetes.io/cluster-service', op: '=', values: ['true'] }] });
  let out = `Kubernetes control plane is running at ${host}\n`;
  for (const obj of services) {
    const svc = obj as unknown as Service & { metadata: { name: string; namespace: string; labels?: Record<string, string> } };
    let link = '';
    const ingress = svc.status?.loadBalancer?.ingress ?? [];
    if (ingress.length > 0) {
      const ip = ingress[0]!.ip || ingress[0]!.hostname || '';
      for (const p of svc.spec?.ports ?? []) link += `http://${ip}:${p.port} `;
    } else {
      let name = svc.metadata.name;
      const ports = svc.spec?.ports ?? [];
      if (ports.length > 0) {
        const p = ports[0]!;
        const scheme = p.name === 'https' || p.port === 443 ? 'https' : '';
        name = joinSchemeNamePort(scheme, svc.metadata.name, p.name ?? '');
      }
      link = `${host}/api/v1/namespaces/${svc.metadata.namespace}/services/${name}/proxy`;
    }
    out += `${svc.metadata.labels?.['kubernetes.io/name'] || svc.metadata.name} is running at ${link}\n`;
  }
  out += "\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n";
  ctx.out.out(out);
  return 0;
}
