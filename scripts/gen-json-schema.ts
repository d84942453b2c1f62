/**
 * Generates src/ui/features/editor/schema/k8s-schema.json: the JSON Schema (draft-07) monaco-yaml validates,
 * completes and explains editor files with. It is the engine's field model (toJsonSchema over K8S_FIELDS, so every
 * kind of the registry and the same unknown-field rules as the apiserver's strict decoding) plus what an editor
 * adds: the API doc text of each type and field (from src/kubectl/verbs/explain-docs.json), the allowed values of
 * closed string enums, and the apiVersion each kind is served at.
 *
 * Run with `npx tsx scripts/gen-json-schema.ts` after regenerating k8s-fields.json or explain-docs.json, and commit
 * the output; src/ui/features/editor/schema/k8s-schema.test.ts fails when it is stale.
 */
import { writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { K8S_FIELDS, toJsonSchema, type FieldSpec, type JsonSchema } from '../src/engine/api/schema';
import explainDocs from '../src/kubectl/verbs/explain-docs.json';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'src', 'ui', 'features', 'editor', 'schema', 'k8s-schema.json');

/** Descriptions by type: `d` of the type, `f` by field. */
const DOCS = (explainDocs as { types: Record<string, { d?: string; f?: Record<string, string> }> }).types;

/**
 * Closed string enums of v1.34, keyed by the Go type name the field model records (`v1.PullPolicy`). Only types
 * whose validation rejects any other value are listed; open sets (condition types, Secret types, resource names)
 * are left free.
 */
const ENUMS: Record<string, string[]> = {
  'v1.PullPolicy': ['Always', 'IfNotPresent', 'Never'],
  'v1.RestartPolicy': ['Always', 'OnFailure', 'Never'],
  'v1.DNSPolicy': ['ClusterFirst', 'ClusterFirstWithHostNet', 'Default', 'None'],
  'v1.Protocol': ['TCP', 'UDP', 'SCTP'],
  'v1.ServiceType': ['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'],
  'v1.ServiceAffinity': ['None', 'ClientIP'],
  'v1.ServiceExternalTrafficPolicy': ['Cluster', 'Local'],
  'v1.ServiceInternalTrafficPolicy': ['Cluster', 'Local'],
  'v1.IPFamilyPolicy': ['SingleStack', 'PreferDualStack', 'RequireDualStack'],
  'v1.DeploymentStrategyType': ['RollingUpdate', 'Recreate'],
  'v1.DaemonSetUpdateStrategyType': ['RollingUpdate', 'OnDelete'],
  'v1.StatefulSetUpdateStrategyType': ['RollingUpdate', 'OnDelete'],
  'v1.PodManagementPolicyType': ['OrderedReady', 'Parallel'],
  'v1.PersistentVolumeClaimRetentionPolicyType': ['Retain', 'Delete'],
  'v1.ConcurrencyPolicy': ['Allow', 'Forbid', 'Replace'],
  'v1.CompletionMode': ['NonIndexed', 'Indexed'],
  'v1.PodReplacementPolicy': ['TerminatingOrFailed', 'Failed'],
  'v1.PodFailurePolicyAction': ['FailJob', 'FailIndex', 'Ignore', 'Count'],
  'v1.PodFailurePolicyOnExitCodesOperator': ['In', 'NotIn'],
  'v1.PersistentVolumeAccessMode': ['ReadWriteOnce', 'ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOncePod'],
  'v1.PersistentVolumeMode': ['Filesystem', 'Block'],
  'v1.PersistentVolumeReclaimPolicy': ['Retain', 'Delete', 'Recycle'],
  'v1.VolumeBindingMode': ['Immediate', 'WaitForFirstConsumer'],
  'v1.TaintEffect': ['NoSchedule', 'PreferNoSchedule', 'NoExecute'],
  'v1.TolerationOperator': ['Exists', 'Equal'],
  'v1.NodeSelectorOperator': ['In', 'NotIn', 'Exists', 'DoesNotExist', 'Gt', 'Lt'],
  'v1.LabelSelectorOperator': ['In', 'NotIn', 'Exists', 'DoesNotExist'],
  'v1.ScopeSelectorOperator': ['In', 'NotIn', 'Exists', 'DoesNotExist'],
  'v1.URIScheme': ['HTTP', 'HTTPS'],
  'v1.TerminationMessagePolicy': ['File', 'FallbackToLogsOnError'],
  'v1.MountPropagationMode': ['None', 'HostToContainer', 'Bidirectional'],
  'v1.HostPathType': ['', 'DirectoryOrCreate', 'Directory', 'FileOrCreate', 'File', 'Socket', 'CharDevice', 'BlockDevice'],
  'v1.UnsatisfiableConstraintAction': ['DoNotSchedule', 'ScheduleAnyway'],
  'v1.NodeInclusionPolicy': ['Honor', 'Ignore'],
  'v1.PreemptionPolicy': ['PreemptLowerPriority', 'Never'],
  'v1.SeccompProfileType': ['RuntimeDefault', 'Unconfined', 'Localhost'],
  'v1.AppArmorProfileType': ['RuntimeDefault', 'Unconfined', 'Localhost'],
  'v1.PodFSGroupChangePolicy': ['OnRootMismatch', 'Always'],
  'v1.OSName': ['linux', 'windows'],
  'v1.PathType': ['Exact', 'Prefix', 'ImplementationSpecific'],
  'v1.LimitType': ['Pod', 'Container', 'PersistentVolumeClaim'],
  'v1.ResourceQuotaScope': ['Terminating', 'NotTerminating', 'BestEffort', 'NotBestEffort', 'PriorityClass', 'CrossNamespacePodAffinity', 'VolumeAttributesClass'],
  'v1.UnhealthyPodEvictionPolicyType': ['IfHealthyBudget', 'AlwaysAllow'],
  'v1.ResourceResizeRestartPolicy': ['NotRequired', 'RestartContainer'],
  'v1.RecursiveReadOnlyMode': ['Disabled', 'IfPossible', 'Enabled'],
  'v1.AddressType': ['IPv4', 'IPv6', 'FQDN'],
  'v1.SupplementalGroupsPolicy': ['Merge', 'Strict'],
  'v1.PodSELinuxChangePolicy': ['Recursive', 'MountOption'],
  'v2.MetricSourceType': ['Object', 'Pods', 'Resource', 'ContainerResource', 'External'],
  'v2.MetricTargetType': ['Utilization', 'Value', 'AverageValue'],
  'v2.HPAScalingPolicyType': ['Pods', 'Percent'],
  'v2.ScalingPolicySelect': ['Max', 'Min', 'Disabled'],
};

/** The schema of a closed string enum; `null` stays allowed, as for every field of the model. */
function enumSchema(values: string[]): JsonSchema {
  return { anyOf: [{ type: 'string', enum: values }, { type: 'null' }] };
}

/** A field's property schema with its enum (if closed) and its doc text. */
function decorate(property: JsonSchema, spec: FieldSpec, description: string | undefined): JsonSchema {
  let out = property;
  if (spec.type === 'string' && spec.go && ENUMS[spec.go]) out = enumSchema(ENUMS[spec.go]!);
  else if (spec.type === 'array' && spec.go?.startsWith('[]') && ENUMS[spec.go.slice(2)]) {
    out = { anyOf: [{ type: 'array', items: { type: 'string', enum: ENUMS[spec.go.slice(2)] } }, { type: 'null' }] };
  }
  return description ? { description, ...out } : out;
}

/** Builds the editor schema (pure: the same inputs give the same document). */
export function buildEditorSchema(): JsonSchema {
  const base = toJsonSchema(K8S_FIELDS);
  const definitions = base.definitions as Record<string, JsonSchema>;
  for (const [name, def] of Object.entries(definitions)) {
    const type = K8S_FIELDS.types[name]!;
    const docs = DOCS[name];
    const properties = def.properties as Record<string, JsonSchema>;
    for (const [field, spec] of Object.entries(type.fields)) properties[field] = decorate(properties[field]!, spec, docs?.f?.[field]);
    if (docs?.d) definitions[name] = { description: docs.d, ...def };
  }

  // Each kind is served at fixed apiVersions: say so, so `kind: Deployment` with `apiVersion: v1` is flagged.
  const versionsByKind = new Map<string, string[]>();
  for (const gvk of Object.keys(K8S_FIELDS.kinds)) {
    const slash = gvk.lastIndexOf('/');
    const kind = gvk.slice(slash + 1);
    versionsByKind.set(kind, [...(versionsByKind.get(kind) ?? []), gvk.slice(0, slash)]);
  }
  const kindVersionRules = [...versionsByKind.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([kind, versions]) => ({
      if: { properties: { kind: { const: kind } }, required: ['kind'] },
      then: { properties: { apiVersion: { enum: versions.sort() } } },
    }));

  const rootProps = base.properties as Record<string, JsonSchema>;
  const objectDocs = DOCS['io.k8s.api.core.v1.Pod']?.f ?? {};
  return {
    ...base,
    $id: 'https://kubeplay.local/schemas/k8s-v1.34.json',
    properties: {
      apiVersion: { description: objectDocs.apiVersion, ...rootProps.apiVersion },
      kind: { description: objectDocs.kind, ...rootProps.kind },
    },
    allOf: [...(base.allOf as JsonSchema[]), ...kindVersionRules],
  };
}

// Run as a script: write the file.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const schema = buildEditorSchema();
  const text = `${JSON.stringify(schema)}\n`;
  writeFileSync(OUT, text);
  console.log(`wrote ${OUT} (${Object.keys(schema.definitions as object).length} definitions, ${(text.length / 1024).toFixed(0)} KiB)`);
}
