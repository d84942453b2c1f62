/**
 * Generates src/engine/api/schema/k8s-fields.json: a compact field model of every kind in RESOURCE_TYPES, read
 * from kubernetes-types' .d.ts files with the TypeScript compiler API and patched up to v1.34.
 *
 * Run with `npx tsx scripts/gen-schema.ts` and commit the output. The .d.ts files carry structure only, so three
 * hand-kept tables below add what they lack: Go type names that differ from the default mapping (int64 fields,
 * named string types, byte slices), the strategic-merge-patch tags of the Go structs, and the fields v1.34 has
 * that kubernetes-types 1.30 does not. The tables were read from k8s.io/api and k8s.io/apimachinery at v1.34.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { RESOURCE_TYPES } from '../src/engine/api/registry';
import type { FieldSchema, FieldSpec, TypeSpec } from '../src/engine/api/schema/fields';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const TYPES_DIR = join(ROOT, 'node_modules', 'kubernetes-types');
const OUT = join(ROOT, 'src', 'engine', 'api', 'schema', 'k8s-fields.json');

/** API group → kubernetes-types directory. */
const GROUP_DIRS: Record<string, string> = {
  '': 'core',
  apps: 'apps',
  autoscaling: 'autoscaling',
  batch: 'batch',
  'coordination.k8s.io': 'coordination',
  'discovery.k8s.io': 'discovery',
  'events.k8s.io': 'events',
  'networking.k8s.io': 'networking',
  policy: 'policy',
  'scheduling.k8s.io': 'scheduling',
  'rbac.authorization.k8s.io': 'rbac',
  'storage.k8s.io': 'storage',
};

/** Versions served besides the preferred one (kept in step with registry.ts EXTRA_SERVED). */
const EXTRA_ROOTS: Array<{ apiVersion: string; kind: string; module: string }> = [
  { apiVersion: 'autoscaling/v1', kind: 'HorizontalPodAutoscaler', module: 'autoscaling/v1' },
];

/** kubernetes-types module path (`core/v1`, `meta/v1`, `api/resource`) → OpenAPI definition prefix. */
function definitionPrefix(module: string): string {
  if (module === 'meta/v1') return 'io.k8s.apimachinery.pkg.apis.meta.v1';
  if (module === 'api/resource') return 'io.k8s.apimachinery.pkg.api.resource';
  if (module === 'runtime') return 'io.k8s.apimachinery.pkg.runtime';
  return `io.k8s.api.${module.replace('/', '.')}`;
}


// ---------------------------------------------------------------------------------------------------------------
// Hand-kept tables (v1.34).

/**
 * Go types that the default mapping (number → int32, string → string, ref → pkg.Name) gets wrong, keyed
 * `<OpenAPI type name without prefix>.<field>`. Only fields of types reachable from the served kinds matter.
 */
const GO_TYPE_OVERRIDES: Record<string, string> = {
  // int64 fields.
  'core.v1.Probe.terminationGracePeriodSeconds': 'int64',
  'core.v1.PodSpec.terminationGracePeriodSeconds': 'int64',
  'core.v1.PodSpec.activeDeadlineSeconds': 'int64',
  'core.v1.PodSecurityContext.runAsUser': 'int64',
  'core.v1.PodSecurityContext.runAsGroup': 'int64',
  'core.v1.PodSecurityContext.fsGroup': 'int64',
  'core.v1.PodSecurityContext.supplementalGroups': '[]int64',
  'core.v1.SecurityContext.runAsUser': 'int64',
  'core.v1.SecurityContext.runAsGroup': 'int64',
  'core.v1.Toleration.tolerationSeconds': 'int64',
  'core.v1.ServiceAccountTokenProjection.expirationSeconds': 'int64',
  'core.v1.SleepAction.seconds': 'int64',
  'core.v1.PodCondition.observedGeneration': 'int64',
  'core.v1.PodStatus.observedGeneration': 'int64',
  'core.v1.ReplicationControllerStatus.observedGeneration': 'int64',
  'core.v1.ContainerImage.sizeBytes': 'int64',
  'core.v1.LinuxContainerUser.uid': 'int64',
  'core.v1.LinuxContainerUser.gid': 'int64',
  'core.v1.LinuxContainerUser.supplementalGroups': '[]int64',
  'core.v1.NodeSwapStatus.capacity': 'int64',
  'apps.v1.StatefulSetStatus.observedGeneration': 'int64',
  'apps.v1.DeploymentStatus.observedGeneration': 'int64',
  'apps.v1.DaemonSetStatus.observedGeneration': 'int64',
  'apps.v1.ReplicaSetStatus.observedGeneration': 'int64',
  'apps.v1.ControllerRevision.revision': 'int64',
  'batch.v1.JobSpec.activeDeadlineSeconds': 'int64',
  'batch.v1.CronJobSpec.startingDeadlineSeconds': 'int64',
  'autoscaling.v2.HorizontalPodAutoscalerStatus.observedGeneration': 'int64',
  'autoscaling.v1.HorizontalPodAutoscalerStatus.observedGeneration': 'int64',
  'policy.v1.PodDisruptionBudgetStatus.observedGeneration': 'int64',
  'meta.v1.ObjectMeta.generation': 'int64',
  'meta.v1.ObjectMeta.deletionGracePeriodSeconds': 'int64',
  'meta.v1.Condition.observedGeneration': 'int64',
  'scheduling.v1.PriorityClass.value': 'int32',
  // Byte slices travel as base64 strings.
  'core.v1.Secret.data': 'map[string][]uint8',
  'core.v1.ConfigMap.binaryData': 'map[string][]uint8',
  'core.v1.ISCSIPersistentVolumeSource.chapAuthDiscovery': 'bool',
  // Resource lists and named map types.
  'core.v1.ResourceRequirements.limits': 'v1.ResourceList',
  'core.v1.ResourceRequirements.requests': 'v1.ResourceList',
  'core.v1.VolumeResourceRequirements.limits': 'v1.ResourceList',
  'core.v1.VolumeResourceRequirements.requests': 'v1.ResourceList',
  'core.v1.ResourceQuotaSpec.hard': 'v1.ResourceList',
  'core.v1.ResourceQuotaStatus.hard': 'v1.ResourceList',
  'core.v1.ResourceQuotaStatus.used': 'v1.ResourceList',
  'core.v1.NodeStatus.capacity': 'v1.ResourceList',
  'core.v1.NodeStatus.allocatable': 'v1.ResourceList',
  'core.v1.PersistentVolumeSpec.capacity': 'v1.ResourceList',
  'core.v1.PersistentVolumeClaimStatus.capacity': 'v1.ResourceList',
  'core.v1.PersistentVolumeClaimStatus.allocatedResources': 'v1.ResourceList',
  'core.v1.PersistentVolumeClaimStatus.allocatedResourceStatuses': 'map[v1.ResourceName]v1.ClaimResourceStatus',
  'core.v1.ContainerStatus.allocatedResources': 'v1.ResourceList',
  'core.v1.LimitRangeItem.max': 'v1.ResourceList',
  'core.v1.LimitRangeItem.min': 'v1.ResourceList',
  'core.v1.LimitRangeItem.default': 'v1.ResourceList',
  'core.v1.LimitRangeItem.defaultRequest': 'v1.ResourceList',
  'core.v1.LimitRangeItem.maxLimitRequestRatio': 'v1.ResourceList',
  'core.v1.PodSpec.overhead': 'v1.ResourceList',
  'core.v1.PodSpec.nodeSelector': 'map[string]string',
  'scheduling.v1.PriorityClass.preemptionPolicy': 'v1.PreemptionPolicy',
};

/**
 * Named Go string types (`type RestartPolicy string`) by field, keyed as GO_TYPE_OVERRIDES. A value that is not a
 * string fails with `... of type v1.RestartPolicy`.
 */
const GO_NAMED_STRINGS: Record<string, string> = {
  'core.v1.Capabilities.add': '[]v1.Capability',
  'core.v1.Capabilities.drop': '[]v1.Capability',
  'core.v1.Container.imagePullPolicy': 'v1.PullPolicy',
  'core.v1.Container.terminationMessagePolicy': 'v1.TerminationMessagePolicy',
  'core.v1.Container.restartPolicy': 'v1.ContainerRestartPolicy',
  'core.v1.EphemeralContainer.imagePullPolicy': 'v1.PullPolicy',
  'core.v1.EphemeralContainer.terminationMessagePolicy': 'v1.TerminationMessagePolicy',
  'core.v1.EphemeralContainer.restartPolicy': 'v1.ContainerRestartPolicy',
  'core.v1.ContainerPort.protocol': 'v1.Protocol',
  'core.v1.ServicePort.protocol': 'v1.Protocol',
  'core.v1.EndpointPort.protocol': 'v1.Protocol',
  'core.v1.ContainerResizePolicy.resourceName': 'v1.ResourceName',
  'core.v1.ContainerResizePolicy.restartPolicy': 'v1.ResourceResizeRestartPolicy',
  'core.v1.PodSpec.restartPolicy': 'v1.RestartPolicy',
  'core.v1.PodSpec.dnsPolicy': 'v1.DNSPolicy',
  'core.v1.PodSpec.preemptionPolicy': 'v1.PreemptionPolicy',
  'core.v1.PodStatus.phase': 'v1.PodPhase',
  'core.v1.PodStatus.qosClass': 'v1.PodQOSClass',
  'core.v1.PodCondition.type': 'v1.PodConditionType',
  'core.v1.PodCondition.status': 'v1.ConditionStatus',
  'core.v1.Toleration.operator': 'v1.TolerationOperator',
  'core.v1.Toleration.effect': 'v1.TaintEffect',
  'core.v1.Taint.effect': 'v1.TaintEffect',
  'core.v1.NodeSelectorRequirement.operator': 'v1.NodeSelectorOperator',
  'core.v1.TopologySpreadConstraint.whenUnsatisfiable': 'v1.UnsatisfiableConstraintAction',
  'core.v1.TopologySpreadConstraint.nodeAffinityPolicy': 'v1.NodeInclusionPolicy',
  'core.v1.TopologySpreadConstraint.nodeTaintsPolicy': 'v1.NodeInclusionPolicy',
  'core.v1.HTTPGetAction.scheme': 'v1.URIScheme',
  'core.v1.ServiceSpec.type': 'v1.ServiceType',
  'core.v1.ServiceSpec.sessionAffinity': 'v1.ServiceAffinity',
  'core.v1.ServiceSpec.externalTrafficPolicy': 'v1.ServiceExternalTrafficPolicy',
  'core.v1.ServiceSpec.internalTrafficPolicy': 'v1.ServiceInternalTrafficPolicy',
  'core.v1.ServiceSpec.ipFamilies': '[]v1.IPFamily',
  'core.v1.ServiceSpec.ipFamilyPolicy': 'v1.IPFamilyPolicy',
  'core.v1.PersistentVolumeClaimSpec.accessModes': '[]v1.PersistentVolumeAccessMode',
  'core.v1.PersistentVolumeClaimSpec.volumeMode': 'v1.PersistentVolumeMode',
  'core.v1.PersistentVolumeSpec.accessModes': '[]v1.PersistentVolumeAccessMode',
  'core.v1.PersistentVolumeSpec.volumeMode': 'v1.PersistentVolumeMode',
  'core.v1.PersistentVolumeSpec.persistentVolumeReclaimPolicy': 'v1.PersistentVolumeReclaimPolicy',
  'core.v1.PersistentVolumeStatus.phase': 'v1.PersistentVolumePhase',
  'core.v1.PersistentVolumeClaimStatus.phase': 'v1.PersistentVolumeClaimPhase',
  'core.v1.PersistentVolumeClaimStatus.accessModes': '[]v1.PersistentVolumeAccessMode',
  'core.v1.HostPathVolumeSource.type': 'v1.HostPathType',
  'core.v1.EmptyDirVolumeSource.medium': 'v1.StorageMedium',
  'core.v1.Secret.type': 'v1.SecretType',
  'core.v1.NamespaceStatus.phase': 'v1.NamespacePhase',
  'core.v1.NamespaceSpec.finalizers': '[]v1.FinalizerName',
  'core.v1.NodeCondition.type': 'v1.NodeConditionType',
  'core.v1.NodeCondition.status': 'v1.ConditionStatus',
  'core.v1.NodeAddress.type': 'v1.NodeAddressType',
  'core.v1.LimitRangeItem.type': 'v1.LimitType',
  'core.v1.ResourceQuotaSpec.scopes': '[]v1.ResourceQuotaScope',
  'core.v1.SeccompProfile.type': 'v1.SeccompProfileType',
  'core.v1.AppArmorProfile.type': 'v1.AppArmorProfileType',
  'core.v1.PodSecurityContext.fsGroupChangePolicy': 'v1.PodFSGroupChangePolicy',
  'core.v1.SecurityContext.procMount': 'v1.ProcMountType',
  'core.v1.ResourceFieldSelector.divisor': 'resource.Quantity',
  'apps.v1.DeploymentStrategy.type': 'v1.DeploymentStrategyType',
  'apps.v1.DaemonSetUpdateStrategy.type': 'v1.DaemonSetUpdateStrategyType',
  'apps.v1.StatefulSetUpdateStrategy.type': 'v1.StatefulSetUpdateStrategyType',
  'apps.v1.StatefulSetSpec.podManagementPolicy': 'v1.PodManagementPolicyType',
  'apps.v1.StatefulSetPersistentVolumeClaimRetentionPolicy.whenDeleted': 'v1.PersistentVolumeClaimRetentionPolicyType',
  'apps.v1.StatefulSetPersistentVolumeClaimRetentionPolicy.whenScaled': 'v1.PersistentVolumeClaimRetentionPolicyType',
  'apps.v1.DeploymentCondition.type': 'v1.DeploymentConditionType',
  'apps.v1.DeploymentCondition.status': 'v1.ConditionStatus',
  'apps.v1.ReplicaSetCondition.type': 'v1.ReplicaSetConditionType',
  'apps.v1.ReplicaSetCondition.status': 'v1.ConditionStatus',
  'batch.v1.JobSpec.completionMode': 'v1.CompletionMode',
  'batch.v1.JobSpec.podReplacementPolicy': 'v1.PodReplacementPolicy',
  'batch.v1.CronJobSpec.concurrencyPolicy': 'v1.ConcurrencyPolicy',
  'batch.v1.JobCondition.type': 'v1.JobConditionType',
  'batch.v1.JobCondition.status': 'v1.ConditionStatus',
  'batch.v1.PodFailurePolicyRule.action': 'v1.PodFailurePolicyAction',
  'batch.v1.PodFailurePolicyOnExitCodesRequirement.operator': 'v1.PodFailurePolicyOnExitCodesOperator',
  'batch.v1.PodFailurePolicyOnExitCodesRequirement.values': '[]int32',
  'networking.v1.HTTPIngressPath.pathType': 'v1.PathType',
  'networking.v1.NetworkPolicySpec.policyTypes': '[]v1.PolicyType',
  'networking.v1.NetworkPolicyPort.protocol': 'v1.Protocol',
  'discovery.v1.EndpointSlice.addressType': 'v1.AddressType',
  'discovery.v1.EndpointPort.protocol': 'v1.Protocol',
  'storage.v1.StorageClass.reclaimPolicy': 'v1.PersistentVolumeReclaimPolicy',
  'storage.v1.StorageClass.volumeBindingMode': 'v1.VolumeBindingMode',
  'autoscaling.v2.MetricSpec.type': 'v2.MetricSourceType',
  'autoscaling.v2.MetricTarget.type': 'v2.MetricTargetType',
  'autoscaling.v2.HPAScalingRules.selectPolicy': 'v2.ScalingPolicySelect',
  'autoscaling.v2.HPAScalingPolicy.type': 'v2.HPAScalingPolicyType',
  'policy.v1.PodDisruptionBudgetSpec.unhealthyPodEvictionPolicy': 'v1.UnhealthyPodEvictionPolicyType',
  'meta.v1.LabelSelectorRequirement.operator': 'v1.LabelSelectorOperator',
  'meta.v1.Condition.status': 'v1.ConditionStatus',
  'meta.v1.ManagedFieldsEntry.operation': 'v1.ManagedFieldsOperationType',
  'meta.v1.ObjectMeta.uid': 'types.UID',
  'meta.v1.OwnerReference.uid': 'types.UID',
  'apps.v1.DaemonSetCondition.type': 'v1.DaemonSetConditionType',
  'apps.v1.DaemonSetCondition.status': 'v1.ConditionStatus',
  'apps.v1.StatefulSetCondition.type': 'v1.StatefulSetConditionType',
  'apps.v1.StatefulSetCondition.status': 'v1.ConditionStatus',
  'autoscaling.v2.ContainerResourceMetricSource.name': 'v1.ResourceName',
  'autoscaling.v2.ContainerResourceMetricStatus.name': 'v1.ResourceName',
  'autoscaling.v2.HorizontalPodAutoscalerCondition.type': 'v2.HorizontalPodAutoscalerConditionType',
  'autoscaling.v2.HorizontalPodAutoscalerCondition.status': 'v1.ConditionStatus',
  'autoscaling.v2.MetricStatus.type': 'v2.MetricSourceType',
  'autoscaling.v2.ResourceMetricSource.name': 'v1.ResourceName',
  'autoscaling.v2.ResourceMetricStatus.name': 'v1.ResourceName',
  'batch.v1.PodFailurePolicyOnPodConditionsPattern.type': 'v1.PodConditionType',
  'batch.v1.PodFailurePolicyOnPodConditionsPattern.status': 'v1.ConditionStatus',
  'batch.v1.UncountedTerminatedPods.succeeded': '[]types.UID',
  'batch.v1.UncountedTerminatedPods.failed': '[]types.UID',
  'core.v1.AttachedVolume.name': 'v1.UniqueVolumeName',
  'core.v1.AzureDiskVolumeSource.cachingMode': 'v1.AzureDataDiskCachingMode',
  'core.v1.AzureDiskVolumeSource.kind': 'v1.AzureDataDiskKind',
  'core.v1.ComponentCondition.type': 'v1.ComponentConditionType',
  'core.v1.ComponentCondition.status': 'v1.ConditionStatus',
  'core.v1.ConfigMapNodeConfigSource.uid': 'types.UID',
  'core.v1.LoadBalancerIngress.ipMode': 'v1.LoadBalancerIPMode',
  'core.v1.ModifyVolumeStatus.status': 'v1.PersistentVolumeClaimModifyVolumeStatus',
  'core.v1.NamespaceCondition.type': 'v1.NamespaceConditionType',
  'core.v1.NamespaceCondition.status': 'v1.ConditionStatus',
  'core.v1.NodeStatus.phase': 'v1.NodePhase',
  'core.v1.NodeStatus.volumesInUse': '[]v1.UniqueVolumeName',
  'core.v1.ObjectReference.uid': 'types.UID',
  'core.v1.PersistentVolumeClaimCondition.type': 'v1.PersistentVolumeClaimConditionType',
  'core.v1.PersistentVolumeClaimCondition.status': 'v1.ConditionStatus',
  'core.v1.PodOS.name': 'v1.OSName',
  'core.v1.PodReadinessGate.conditionType': 'v1.PodConditionType',
  'core.v1.PodStatus.resize': 'v1.PodResizeStatus',
  'core.v1.PortStatus.protocol': 'v1.Protocol',
  'core.v1.ReplicationControllerCondition.type': 'v1.ReplicationControllerConditionType',
  'core.v1.ReplicationControllerCondition.status': 'v1.ConditionStatus',
  'core.v1.ScopedResourceSelectorRequirement.scopeName': 'v1.ResourceQuotaScope',
  'core.v1.ScopedResourceSelectorRequirement.operator': 'v1.ScopeSelectorOperator',
  'core.v1.VolumeMount.recursiveReadOnly': 'v1.RecursiveReadOnlyMode',
  'core.v1.VolumeMount.mountPropagation': 'v1.MountPropagationMode',
  'core.v1.VolumeMountStatus.recursiveReadOnly': 'v1.RecursiveReadOnlyMode',
  'networking.v1.IngressPortStatus.protocol': 'v1.Protocol',
};

/**
 * Strategic-merge-patch tags (`patchStrategy` / `patchMergeKey`) of the Go structs, keyed as above. Lists
 * without a tag are replaced whole by a patch (tolerations, args, command).
 */
const PATCH_TAGS: Record<string, { strategy: string; key?: string }> = {
  'core.v1.Container.ports': { strategy: 'merge', key: 'containerPort' },
  'core.v1.Container.env': { strategy: 'merge', key: 'name' },
  'core.v1.Container.volumeMounts': { strategy: 'merge', key: 'mountPath' },
  'core.v1.Container.volumeDevices': { strategy: 'merge', key: 'devicePath' },
  'core.v1.EphemeralContainer.ports': { strategy: 'merge', key: 'containerPort' },
  'core.v1.EphemeralContainer.env': { strategy: 'merge', key: 'name' },
  'core.v1.EphemeralContainer.volumeMounts': { strategy: 'merge', key: 'mountPath' },
  'core.v1.EphemeralContainer.volumeDevices': { strategy: 'merge', key: 'devicePath' },
  'core.v1.ContainerStatus.volumeMounts': { strategy: 'merge', key: 'mountPath' },
  'core.v1.ContainerStatus.allocatedResourcesStatus': { strategy: 'merge', key: 'name' },
  'core.v1.PodSpec.volumes': { strategy: 'merge,retainKeys', key: 'name' },
  'core.v1.PodSpec.initContainers': { strategy: 'merge', key: 'name' },
  'core.v1.PodSpec.containers': { strategy: 'merge', key: 'name' },
  'core.v1.PodSpec.ephemeralContainers': { strategy: 'merge', key: 'name' },
  'core.v1.PodSpec.imagePullSecrets': { strategy: 'merge', key: 'name' },
  'core.v1.PodSpec.hostAliases': { strategy: 'merge', key: 'ip' },
  'core.v1.PodSpec.topologySpreadConstraints': { strategy: 'merge', key: 'topologyKey' },
  'core.v1.PodSpec.schedulingGates': { strategy: 'merge', key: 'name' },
  'core.v1.PodSpec.resourceClaims': { strategy: 'merge,retainKeys', key: 'name' },
  'core.v1.PodStatus.conditions': { strategy: 'merge', key: 'type' },
  'core.v1.PodStatus.hostIPs': { strategy: 'merge', key: 'ip' },
  'core.v1.PodStatus.podIPs': { strategy: 'merge', key: 'ip' },
  'core.v1.PodStatus.resourceClaimStatuses': { strategy: 'merge,retainKeys', key: 'name' },
  'core.v1.PersistentVolumeClaimStatus.conditions': { strategy: 'merge', key: 'type' },
  'core.v1.ReplicationControllerStatus.conditions': { strategy: 'merge', key: 'type' },
  'core.v1.ServiceStatus.conditions': { strategy: 'merge', key: 'type' },
  'core.v1.ServiceSpec.ports': { strategy: 'merge', key: 'port' },
  'core.v1.ServiceAccount.secrets': { strategy: 'merge', key: 'name' },
  'core.v1.NodeSpec.podCIDRs': { strategy: 'merge' },
  'core.v1.NodeStatus.conditions': { strategy: 'merge', key: 'type' },
  'core.v1.NodeStatus.addresses': { strategy: 'merge', key: 'type' },
  'core.v1.NamespaceStatus.conditions': { strategy: 'merge', key: 'type' },
  'core.v1.ComponentStatus.conditions': { strategy: 'merge', key: 'type' },
  'apps.v1.StatefulSetStatus.conditions': { strategy: 'merge', key: 'type' },
  'apps.v1.DeploymentSpec.strategy': { strategy: 'retainKeys' },
  'apps.v1.DeploymentStatus.conditions': { strategy: 'merge', key: 'type' },
  'apps.v1.DaemonSetStatus.conditions': { strategy: 'merge', key: 'type' },
  'apps.v1.ReplicaSetStatus.conditions': { strategy: 'merge', key: 'type' },
  'batch.v1.JobStatus.conditions': { strategy: 'merge', key: 'type' },
  'autoscaling.v2.HorizontalPodAutoscalerStatus.conditions': { strategy: 'merge', key: 'type' },
  'policy.v1.PodDisruptionBudgetSpec.selector': { strategy: 'replace' },
  'policy.v1.PodDisruptionBudgetStatus.conditions': { strategy: 'merge', key: 'type' },
  'meta.v1.ObjectMeta.ownerReferences': { strategy: 'merge', key: 'uid' },
  'meta.v1.ObjectMeta.finalizers': { strategy: 'merge' },
};

/** A field v1.34 has that kubernetes-types 1.30 lacks: `type` as in FieldSpec, `ref` a short type name. */
interface AddedField {
  owner: string;
  name: string;
  spec: FieldSpec;
}

/**
 * Fields added between v1.30 and v1.34 on the served kinds (and new types they need). Written as OpenAPI short
 * names (`core.v1.PodSpec`).
 */
const ADDED_TYPES: Record<string, Record<string, FieldSpec>> = {
  'core.v1.ContainerExtendedResourceRequest': {
    containerName: { type: 'string' },
    requestName: { type: 'string' },
    resourceName: { type: 'string' },
  },
  'core.v1.PodExtendedResourceClaimStatus': {
    requestMappings: { type: 'array', items: { type: 'object', ref: 'io.k8s.api.core.v1.ContainerExtendedResourceRequest' } },
    resourceClaimName: { type: 'string' },
  },
  'core.v1.ContainerRestartRule': {
    action: { type: 'string', go: 'v1.ContainerRestartRuleAction' },
    exitCodes: { type: 'object', ref: 'io.k8s.api.core.v1.ContainerRestartRuleOnExitCodes' },
  },
  'core.v1.ContainerRestartRuleOnExitCodes': {
    operator: { type: 'string', go: 'v1.ContainerRestartRuleOnExitCodesOperator' },
    values: { type: 'array', items: { type: 'integer' } },
  },
  'core.v1.FileKeySelector': {
    key: { type: 'string' },
    optional: { type: 'boolean' },
    path: { type: 'string' },
    volumeName: { type: 'string' },
  },
  'core.v1.NodeSwapStatus': { capacity: { type: 'integer', go: 'int64' } },
  'core.v1.NodeFeatures': { supplementalGroupsPolicy: { type: 'boolean' } },
  'core.v1.LinuxContainerUser': {
    gid: { type: 'integer', go: 'int64' },
    supplementalGroups: { type: 'array', items: { type: 'integer' }, go: '[]int64' },
    uid: { type: 'integer', go: 'int64' },
  },
  'core.v1.ContainerUser': { linux: { type: 'object', ref: 'io.k8s.api.core.v1.LinuxContainerUser' } },
  'core.v1.ResourceHealth': { health: { type: 'string', go: 'v1.ResourceHealthStatus' }, resourceID: { type: 'string', go: 'v1.ResourceID' } },
  'core.v1.ResourceStatus': {
    name: { type: 'string', go: 'v1.ResourceName' },
    resources: { type: 'array', items: { type: 'object', ref: 'io.k8s.api.core.v1.ResourceHealth' } },
  },
  'core.v1.ImageVolumeSource': { pullPolicy: { type: 'string', go: 'v1.PullPolicy' }, reference: { type: 'string' } },
  'discovery.v1.ForNode': { name: { type: 'string' } },
  'core.v1.PodCertificateProjection': {
    certificateChainPath: { type: 'string' },
    credentialBundlePath: { type: 'string' },
    keyPath: { type: 'string' },
    keyType: { type: 'string' },
    maxExpirationSeconds: { type: 'integer' },
    signerName: { type: 'string' },
  },
};

const ADDED_FIELDS: AddedField[] = [
  // Pod-level resources (PodLevelResources, beta in v1.34).
  { owner: 'core.v1.PodSpec', name: 'resources', spec: { type: 'object', ref: 'io.k8s.api.core.v1.ResourceRequirements' } },
  { owner: 'core.v1.PodSpec', name: 'hostnameOverride', spec: { type: 'string' } },
  { owner: 'core.v1.PodStatus', name: 'observedGeneration', spec: { type: 'integer', go: 'int64' } },
  { owner: 'core.v1.PodStatus', name: 'extendedResourceClaimStatus', spec: { type: 'object', ref: 'io.k8s.api.core.v1.PodExtendedResourceClaimStatus' } },
  { owner: 'core.v1.PodCondition', name: 'observedGeneration', spec: { type: 'integer', go: 'int64' } },
  { owner: 'core.v1.PodSecurityContext', name: 'supplementalGroupsPolicy', spec: { type: 'string', go: 'v1.SupplementalGroupsPolicy' } },
  { owner: 'core.v1.PodSecurityContext', name: 'seLinuxChangePolicy', spec: { type: 'string', go: 'v1.PodSELinuxChangePolicy' } },
  { owner: 'core.v1.Container', name: 'restartPolicyRules', spec: { type: 'array', items: { type: 'object', ref: 'io.k8s.api.core.v1.ContainerRestartRule' } } },
  { owner: 'core.v1.EphemeralContainer', name: 'restartPolicyRules', spec: { type: 'array', items: { type: 'object', ref: 'io.k8s.api.core.v1.ContainerRestartRule' } } },
  { owner: 'core.v1.ContainerStatus', name: 'stopSignal', spec: { type: 'string', go: 'v1.Signal' } },
  { owner: 'core.v1.ContainerStatus', name: 'user', spec: { type: 'object', ref: 'io.k8s.api.core.v1.ContainerUser' } },
  { owner: 'core.v1.ContainerStatus', name: 'allocatedResourcesStatus', spec: { type: 'array', items: { type: 'object', ref: 'io.k8s.api.core.v1.ResourceStatus' } } },
  { owner: 'core.v1.Lifecycle', name: 'stopSignal', spec: { type: 'string', go: 'v1.Signal' } },
  { owner: 'core.v1.Volume', name: 'image', spec: { type: 'object', ref: 'io.k8s.api.core.v1.ImageVolumeSource' } },
  { owner: 'core.v1.VolumeProjection', name: 'podCertificate', spec: { type: 'object', ref: 'io.k8s.api.core.v1.PodCertificateProjection' } },
  { owner: 'core.v1.EnvVarSource', name: 'fileKeyRef', spec: { type: 'object', ref: 'io.k8s.api.core.v1.FileKeySelector' } },
  { owner: 'core.v1.NodeStatus', name: 'features', spec: { type: 'object', ref: 'io.k8s.api.core.v1.NodeFeatures' } },
  { owner: 'core.v1.NodeSystemInfo', name: 'swap', spec: { type: 'object', ref: 'io.k8s.api.core.v1.NodeSwapStatus' } },
  { owner: 'apps.v1.DeploymentStatus', name: 'terminatingReplicas', spec: { type: 'integer' } },
  { owner: 'apps.v1.ReplicaSetStatus', name: 'terminatingReplicas', spec: { type: 'integer' } },
  { owner: 'autoscaling.v2.HPAScalingRules', name: 'tolerance', spec: { type: 'quantity' } },
  { owner: 'discovery.v1.EndpointHints', name: 'forNodes', spec: { type: 'array', items: { type: 'object', ref: 'io.k8s.api.discovery.v1.ForNode' } } },
  { owner: 'coordination.v1.LeaseSpec', name: 'strategy', spec: { type: 'string', go: 'v1.CoordinatedLeaseStrategy' } },
  { owner: 'coordination.v1.LeaseSpec', name: 'preferredHolder', spec: { type: 'string' } },
  // Dynamic resource allocation: the claim source became two plain fields in v1.31.
  { owner: 'core.v1.PodResourceClaim', name: 'resourceClaimName', spec: { type: 'string' } },
  { owner: 'core.v1.PodResourceClaim', name: 'resourceClaimTemplateName', spec: { type: 'string' } },
  { owner: 'core.v1.ResourceClaim', name: 'request', spec: { type: 'string' } },
  { owner: 'core.v1.NodeRuntimeHandlerFeatures', name: 'userNamespaces', spec: { type: 'boolean' } },
];

/** Fields kubernetes-types 1.30 has that v1.34 removed (`<short type>.<field>`). */
const REMOVED_FIELDS = new Set(['core.v1.PodResourceClaim.source']);

// ---------------------------------------------------------------------------------------------------------------
// Reading the .d.ts files.

interface ModuleDecls {
  interfaces: Map<string, ts.InterfaceDeclaration>;
  aliases: Map<string, ts.TypeAliasDeclaration>;
  /** Imported name → module path (`ObjectMeta` → `meta/v1`). */
  imports: Map<string, string>;
}

const modules = new Map<string, ModuleDecls>();

function loadModule(module: string): ModuleDecls {
  const cached = modules.get(module);
  if (cached) return cached;
  const file = join(TYPES_DIR, `${module}.d.ts`);
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
  const decls: ModuleDecls = { interfaces: new Map(), aliases: new Map(), imports: new Map() };
  for (const stmt of source.statements) {
    if (ts.isInterfaceDeclaration(stmt)) decls.interfaces.set(stmt.name.text, stmt);
    else if (ts.isTypeAliasDeclaration(stmt)) decls.aliases.set(stmt.name.text, stmt);
    else if (ts.isImportDeclaration(stmt) && ts.isStringLiteral(stmt.moduleSpecifier)) {
      // "../meta/v1" relative to "core/v1" → "meta/v1"; "../runtime" → "runtime".
      const target = join(dirname(module), stmt.moduleSpecifier.text).replace(/\\/g, '/');
      const bindings = stmt.importClause?.namedBindings;
      if (bindings && ts.isNamedImports(bindings)) for (const el of bindings.elements) decls.imports.set(el.name.text, target);
    }
  }
  modules.set(module, decls);
  return decls;
}

/** Where a type name used in `module` is declared. */
function resolveName(module: string, name: string): { module: string; decl: ts.InterfaceDeclaration | ts.TypeAliasDeclaration } | undefined {
  const m = loadModule(module);
  const local = m.interfaces.get(name) ?? m.aliases.get(name);
  if (local) return { module, decl: local };
  const from = m.imports.get(name);
  return from ? resolveName(from, name) : undefined;
}

const types: Record<string, TypeSpec> = {};
const pending: Array<{ module: string; name: string }> = [];

function fullName(module: string, name: string): string {
  return `${definitionPrefix(module)}.${name}`;
}

function enqueue(module: string, name: string): string {
  const full = fullName(module, name);
  if (!(full in types) && !pending.some((p) => fullName(p.module, p.name) === full)) pending.push({ module, name });
  return full;
}

/** Maps one property type to a FieldSpec; `owner` is the short key (`core.v1.PodSpec`) for the tables. */
function fieldSpecOf(module: string, node: ts.TypeNode): FieldSpec {
  if (node.kind === ts.SyntaxKind.StringKeyword) return { type: 'string' };
  if (node.kind === ts.SyntaxKind.NumberKeyword) return { type: 'integer' };
  if (node.kind === ts.SyntaxKind.BooleanKeyword) return { type: 'boolean' };
  if (node.kind === ts.SyntaxKind.AnyKeyword || node.kind === ts.SyntaxKind.UnknownKeyword) return { type: 'any' };
  if (ts.isLiteralTypeNode(node)) return { type: 'string' };
  if (ts.isUnionTypeNode(node)) {
    const kinds = new Set(node.types.map((t) => t.kind));
    if (kinds.has(ts.SyntaxKind.NumberKeyword) && kinds.has(ts.SyntaxKind.StringKeyword)) return { type: 'intOrString' };
    if (node.types.every((t) => ts.isLiteralTypeNode(t))) return { type: 'string' };
    throw new Error(`unsupported union ${node.getText()}`);
  }
  if (ts.isArrayTypeNode(node)) return { type: 'array', items: fieldSpecOf(module, node.elementType) };
  if (ts.isTypeLiteralNode(node)) {
    const index = node.members.find(ts.isIndexSignatureDeclaration);
    if (index) return { type: 'map', items: fieldSpecOf(module, index.type) };
    if (node.members.length === 0) return { type: 'any' };
    throw new Error(`unsupported type literal ${node.getText()}`);
  }
  if (ts.isTypeReferenceNode(node)) {
    const name = node.typeName.getText();
    if (name === 'Array' && node.typeArguments?.length === 1) return { type: 'array', items: fieldSpecOf(module, node.typeArguments[0]!) };
    if (name === 'Quantity') return { type: 'quantity' };
    if (name === 'IntOrString') return { type: 'intOrString' };
    if (name === 'Time' || name === 'MicroTime') return { type: 'string', go: `v1.${name}` };
    if (name === 'RawExtension') return { type: 'any', go: 'runtime.RawExtension' };
    if (name === 'FieldsV1') return { type: 'any', go: 'v1.FieldsV1' };
    const found = resolveName(module, name);
    if (!found) throw new Error(`cannot resolve ${name} from ${module}`);
    if (ts.isTypeAliasDeclaration(found.decl)) return fieldSpecOf(found.module, found.decl.type);
    return { type: 'object', ref: enqueue(found.module, name) };
  }
  throw new Error(`unsupported type node ${ts.SyntaxKind[node.kind]}: ${node.getText()}`);
}

function shortKey(full: string): string {
  return full.replace(/^io\.k8s\.api\./, '').replace(/^io\.k8s\.apimachinery\.pkg\.apis\./, '');
}

function processType(module: string, name: string): void {
  const found = resolveName(module, name);
  if (!found || !ts.isInterfaceDeclaration(found.decl)) throw new Error(`no interface ${name} in ${module}`);
  const full = fullName(found.module, name);
  const owner = shortKey(full);
  const fields: Record<string, FieldSpec> = {};
  const required: string[] = [];
  for (const member of found.decl.members) {
    if (!ts.isPropertySignature(member) || !member.type) continue;
    const field = member.name.getText().replace(/^["']|["']$/g, '');
    if (REMOVED_FIELDS.has(`${owner}.${field}`)) continue;
    const spec = fieldSpecOf(found.module, member.type);
    const key = `${owner}.${field}`;
    const go = GO_TYPE_OVERRIDES[key] ?? GO_NAMED_STRINGS[key];
    if (go) spec.go = go;
    const patch = PATCH_TAGS[key];
    if (patch) {
      spec.strategy = patch.strategy;
      if (patch.key) spec.mergeKey = patch.key;
    }
    fields[field] = spec;
    if (!member.questionToken && field !== 'apiVersion' && field !== 'kind') required.push(field);
  }
  types[full] = { fields, ...(required.length ? { required } : {}) };
}

// ---------------------------------------------------------------------------------------------------------------
// Main.

const kinds: Record<string, string> = {};
for (const t of RESOURCE_TYPES) {
  const dir = GROUP_DIRS[t.group];
  if (!dir) throw new Error(`no kubernetes-types directory for group ${t.group}`);
  const module = `${dir}/${t.version}`;
  const apiVersion = t.group ? `${t.group}/${t.version}` : t.version;
  kinds[`${apiVersion}/${t.kind}`] = enqueue(module, t.kind);
}
for (const extra of EXTRA_ROOTS) kinds[`${extra.apiVersion}/${extra.kind}`] = enqueue(extra.module, extra.kind);

function drain(): void {
  while (pending.length) {
    const next = pending.shift()!;
    processType(next.module, next.name);
  }
}
drain();

// v1.34 patches: new types first, then new fields on existing types.
const PREFIX_OF_SHORT = (short: string): string =>
  short.startsWith('meta.') ? `io.k8s.apimachinery.pkg.apis.${short}` : `io.k8s.api.${short}`;
for (const [short, fields] of Object.entries(ADDED_TYPES)) {
  const full = PREFIX_OF_SHORT(short);
  types[full] = { fields: { ...(types[full]?.fields ?? {}), ...fields } };
}
for (const added of ADDED_FIELDS) {
  const full = PREFIX_OF_SHORT(added.owner);
  const owner = types[full];
  if (!owner) throw new Error(`v1.34 patch targets unknown type ${full}`);
  if (added.name in owner.fields) throw new Error(`v1.34 patch ${added.owner}.${added.name} is already in kubernetes-types`);
  const spec = { ...added.spec };
  const patch = PATCH_TAGS[`${added.owner}.${added.name}`];
  if (patch) {
    spec.strategy = patch.strategy;
    if (patch.key) spec.mergeKey = patch.key;
  }
  owner.fields[added.name] = spec;
}
// Referenced but never reached from kubernetes-types (only via the patches): make sure they exist.
for (const spec of Object.values(types).flatMap((t) => Object.values(t.fields))) {
  for (let s: FieldSpec | undefined = spec; s; s = s.items) {
    if (s.ref && !(s.ref in types)) throw new Error(`dangling reference ${s.ref}`);
  }
}

// Every hand-kept key must name a real field, so a typo cannot go unnoticed.
for (const key of [...Object.keys(GO_TYPE_OVERRIDES), ...Object.keys(GO_NAMED_STRINGS), ...Object.keys(PATCH_TAGS)]) {
  const dot = key.lastIndexOf('.');
  const owner = types[PREFIX_OF_SHORT(key.slice(0, dot))];
  if (!owner || !(key.slice(dot + 1) in owner.fields)) throw new Error(`table entry ${key} names no field`);
}

// Sort for stable diffs.
const sortedTypes: Record<string, TypeSpec> = {};
for (const name of Object.keys(types).sort()) {
  const t = types[name]!;
  const fields: Record<string, FieldSpec> = {};
  for (const f of Object.keys(t.fields).sort()) fields[f] = t.fields[f]!;
  sortedTypes[name] = { fields, ...(t.required ? { required: [...t.required].sort() } : {}) };
}
const schema: FieldSchema = { source: 'kubernetes-types 1.30.0 with v1.34 additions', kinds, types: sortedTypes };

// One type per line: small, and diffs stay readable.
const lines = Object.entries(schema.types).map(([name, t]) => `    ${JSON.stringify(name)}: ${JSON.stringify(t)}`);
const text = `{\n  "source": ${JSON.stringify(schema.source)},\n  "kinds": ${JSON.stringify(schema.kinds, null, 2).replace(/\n/g, '\n  ')},\n  "types": {\n${lines.join(',\n')}\n  }\n}\n`;
writeFileSync(OUT, text);
process.stdout.write(`wrote ${OUT}: ${Object.keys(schema.types).length} types, ${text.length} bytes\n`);
