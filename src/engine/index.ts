/**
 * The engine's public API. Code outside src/engine imports only from here.
 */
export * from './api';
export type { ApiStatus, StatusCause, Result } from './apiserver/status';
export type { WatchEvent, WatchHandler, ListOptions, FieldRequirement, DeleteOptions, WriteOptions } from './apiserver/apiserver';
export { ApiServer, fieldValue } from './apiserver/apiserver';
export { Cluster, createCluster, ClusterConfigError, DEFAULT_SEED, DEFAULT_START_TIME_MS } from './cluster/cluster';
export type { CreateClusterOptions } from './cluster/cluster';
export type { ClusterConfig, NodeConfig } from './cluster/topology';
export { DEFAULT_CONFIG } from './cluster/topology';
export { KUBERNETES_VERSION } from './cluster/versions';
export type { EventRecorder } from './apiserver/events';
export { startReplicaSetController, isPodActive, isPodReady, isPodAvailable, activePodsLess, POD_DELETION_COST_ANNOTATION } from './controllers/replicaset';
export { startDeploymentController, findNewReplicaSet, findOldReplicaSets, equalIgnoreHash, getDeploymentCondition, revision as replicaSetRevision, maxRevision, resolveFenceposts, maxSurge as deploymentMaxSurge, maxUnavailable as deploymentMaxUnavailable, Reasons as DeploymentConditionReasons, REVISION_ANNOTATION, REVISION_HISTORY_ANNOTATION, DESIRED_REPLICAS_ANNOTATION, MAX_REPLICAS_ANNOTATION, CHANGE_CAUSE_ANNOTATION, DEFAULT_DEPLOYMENT_UNIQUE_LABEL_KEY } from './controllers/deployment';
export { canonicalQuantity, parseQty } from './apiserver/strategies/common/quantity';
export { K8S_FIELDS, fieldOf, rootTypeName } from './api/schema/fields';
export type { FieldSchema, FieldSpec, FieldType, TypeSpec } from './api/schema/fields';
export { computePodQOS } from './apiserver/strategies/common/qos';
export type { QOSClass } from './apiserver/strategies/common/qos';
export { ServiceAllocators, SERVICE_CLUSTER_IP_RANGE, NODE_PORT_RANGE } from './apiserver/allocators';
export { registerAllStrategies } from './apiserver/strategies';
export { registerDefaultAdmission } from './apiserver/admission';
export { startScheduler, DEFAULT_SCHEDULER_NAME } from './scheduler/scheduler';
export type { Scheduler, SchedulerOptions } from './scheduler/scheduler';
export type { SchedulingDecision, NodeFilterResult, NodeScoreResult } from './scheduler/decision';
export { registerPlugin } from './scheduler/plugins/registry';
export type { PluginRegistration } from './scheduler/plugins/registry';
export type { SchedulerPlugin, Handle as SchedulerPluginHandle } from './scheduler/framework/interface';
export { decodeManifests, MAX_REQUEST_BYTES, strictDecode, parseQuantityError, yamlToJson, YamlToJsonError, goJsonMarshal, goQuote } from './api/decode';
export type { DecodedDoc, DecodeOptions, ServerDecodeError, ValidationDirective, StrictDecodeResult, DuplicateKey, YamlDocument } from './api/decode';
export { goTypeName, goStructName, goElementTypeName, toJsonSchema } from './api/schema';
export type { JsonSchema, JsonSchemaOptions } from './api/schema';
export { jsonMergePatch, createJsonMergePatch, jsonPatch, MAX_JSON_PATCH_OPERATIONS, strategicMergePatch, twoWayMerge, threeWayMerge, planApply, applyThreeWayPatch, patchSchemaForKind, StrategicPatchError, LAST_APPLIED_ANNOTATION, lastAppliedConfiguration, lastAppliedAnnotationValue, lastAppliedText, readLastApplied, withLastApplied } from './apiserver/patch';
export type { JsonPatchOp, PatchFailure, PatchResult, PatchComputation, ApplyPlan, ThreeWayApplyResult, PatchSchema, JsonMap } from './apiserver/patch';
export { startStatefulSetController, STATEFULSET_CONTROLLER, statefulSetRolloutStatus, statefulSetRevisionHistory, planStatefulSetRollback, applyStatefulSetRevision, statefulSetRevisionPatch, STATEFUL_SET_POD_NAME_LABEL, STATEFUL_SET_REVISION_LABEL, POD_INDEX_LABEL as STATEFUL_SET_POD_INDEX_LABEL } from './controllers/statefulset';
export type { RolloutStatus as StatefulSetRolloutStatus, StatefulSetRevisionEntry, StatefulSetRollbackPlan, StatefulSetRevisionData } from './controllers/statefulset';
