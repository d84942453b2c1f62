/**
 * `kubectl describe pod`.
 */
import type { Container, Pod } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../engine';
import { printAnnotationsMultiline, printController, printLabelsMultiline, printTolerationsMultiline } from './common';
import { describeContainers, describeResources, envValueRetriever } from './containers';
import { eventsOf, type DescribeContext } from './context';
import { describeEvents } from './events';
import { rfc1123z, since } from './format';
import { describeTopologySpreadConstraints } from './pod-template';
import { LEVEL_0, LEVEL_1, tabbedString, type PrefixWriter } from './prefix-writer';
import { podQOS } from './resources';
import { describeVolumes } from './volumes';

const MIRROR_POD_ANNOTATION = 'kubernetes.io/config.mirror';

/**
 * The full describe text of a pod, events included.
 * Models staging/src/k8s.io/kubectl/pkg/describe/describe.go PodDescriber.Describe, describePod.
 */
export function describePod(obj: KubeObject, ctx: DescribeContext): string {
  const pod = obj as unknown as Pod;
  const mirrorUid = pod.metadata?.annotations?.[MIRROR_POD_ANNOTATION];
  // Events of a static pod are recorded against the uid in its mirror annotation.
  const eventSubject = mirrorUid !== undefined ? { ...obj, metadata: { ...obj.metadata, uid: mirrorUid } } : obj;
  const events = eventsOf(ctx, eventSubject);
  return tabbedString((w) => {
    const spec = pod.spec;
    const status = pod.status ?? {};
    const meta = obj.metadata;
    w.write(LEVEL_0, `Name:\t${meta.name}\n`);
    w.write(LEVEL_0, `Namespace:\t${meta.namespace ?? ''}\n`);
    if (spec?.priority !== undefined && spec.priority !== null) w.write(LEVEL_0, `Priority:\t${spec.priority}\n`);
    if (spec?.priorityClassName) w.write(LEVEL_0, `Priority Class Name:\t${spec.priorityClassName}\n`);
    if (spec?.runtimeClassName) w.write(LEVEL_0, `Runtime Class Name:\t${spec.runtimeClassName}\n`);
    if (spec?.serviceAccountName) w.write(LEVEL_0, `Service Account:\t${spec.serviceAccountName}\n`);
    if (!spec?.nodeName) w.write(LEVEL_0, 'Node:\t<none>\n');
    else w.write(LEVEL_0, `Node:\t${spec.nodeName}/${status.hostIP ?? ''}\n`);
    if (status.startTime) w.write(LEVEL_0, `Start Time:\t${rfc1123z(status.startTime)}\n`);
    printLabelsMultiline(w, 'Labels', meta.labels);
    printAnnotationsMultiline(w, 'Annotations', meta.annotations);
    if (meta.deletionTimestamp && status.phase !== 'Failed' && status.phase !== 'Succeeded') {
      w.write(LEVEL_0, `Status:\tTerminating (lasts ${since(meta.deletionTimestamp, ctx.nowMs)})\n`);
      w.write(LEVEL_0, `Termination Grace Period:\t${meta.deletionGracePeriodSeconds ?? 0}s\n`);
    } else {
      w.write(LEVEL_0, `Status:\t${status.phase ?? ''}\n`);
    }
    if (status.reason) w.write(LEVEL_0, `Reason:\t${status.reason}\n`);
    if (status.message) w.write(LEVEL_0, `Message:\t${status.message}\n`);
    const seccomp = spec?.securityContext?.seccompProfile;
    if (seccomp) {
      w.write(LEVEL_0, `SeccompProfile:\t${seccomp.type}\n`);
      if (seccomp.type === 'Localhost') w.write(LEVEL_0, `LocalhostProfile:\t${seccomp.localhostProfile ?? ''}\n`);
    }
    w.write(LEVEL_0, `IP:\t${status.podIP ?? ''}\n`);
    describePodIPs(pod, w, '');
    const controlledBy = printController(obj);
    if (controlledBy) w.write(LEVEL_0, `Controlled By:\t${controlledBy}\n`);
    if (status.nominatedNodeName) w.write(LEVEL_0, `NominatedNodeName:\t${status.nominatedNodeName}\n`);
    // Pod-level resources (v1.32+) are newer than the kubernetes-types release in use.
    const podResources = (spec as { resources?: Container['resources'] } | undefined)?.resources;
    if (podResources) {
      w.write(LEVEL_0, 'Resources:\n');
      describeResources(podResources, w, LEVEL_1);
    }
    const resolver = envValueRetriever(pod);
    if (spec?.initContainers && spec.initContainers.length > 0) {
      describeContainers('Init Containers', spec.initContainers, status.initContainerStatuses ?? [], resolver, w, '');
    }
    describeContainers('Containers', spec?.containers ?? [], status.containerStatuses ?? [], resolver, w, '');
    if (spec?.ephemeralContainers && spec.ephemeralContainers.length > 0) {
      const ephemeral = spec.ephemeralContainers.map((c) => ({ ...c }) as Container);
      describeContainers('Ephemeral Containers', ephemeral, status.ephemeralContainerStatuses ?? [], resolver, w, '');
    }
    if (spec?.readinessGates && spec.readinessGates.length > 0) {
      w.write(LEVEL_0, 'Readiness Gates:\n  Type\tStatus\n');
      for (const g of spec.readinessGates) {
        const cond = (status.conditions ?? []).find((c) => c.type === g.conditionType);
        w.write(LEVEL_1, `${g.conditionType} \t${cond ? cond.status : '<none>'} \n`);
      }
    }
    if (status.conditions && status.conditions.length > 0) {
      w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\n');
      for (const c of status.conditions) w.write(LEVEL_1, `${c.type} \t${c.status} \n`);
    }
    describeVolumes(spec?.volumes, w, '');
    w.write(LEVEL_0, `QoS Class:\t${podQOS(pod)}\n`);
    printLabelsMultiline(w, 'Node-Selectors', spec?.nodeSelector);
    printTolerationsMultiline(w, 'Tolerations', spec?.tolerations);
    describeTopologySpreadConstraints(spec?.topologySpreadConstraints, w, '');
    describeEvents(events, w, ctx.nowMs);
  });
}

// Models describe.go describePodIPs.
function describePodIPs(pod: Pod, w: PrefixWriter, space: string): void {
  const ips = pod.status?.podIPs ?? [];
  if (ips.length === 0) {
    w.write(LEVEL_0, `${space}IPs:\t<none>\n`);
    return;
  }
  w.write(LEVEL_0, `${space}IPs:\n`);
  for (const ip of ips) w.write(LEVEL_1, `IP:\t${ip.ip}\n`);
}
