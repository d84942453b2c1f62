/**
 * Object types. The Kubernetes API types come from `kubernetes-types` (type-only, no runtime cost); the engine
 * treats every stored object as a KubeObject and narrows by kind where it needs fields.
 */
import type { ObjectMeta, OwnerReference } from 'kubernetes-types/meta/v1';

export type { ObjectMeta, OwnerReference, LabelSelector, Condition } from 'kubernetes-types/meta/v1';
export type {
  Pod, PodSpec, PodStatus, PodTemplateSpec, Container, ContainerStatus, ContainerState, PodCondition,
  Node, NodeSpec, NodeStatus, NodeCondition, Taint, Toleration, Namespace, Service, ServicePort, Endpoints,
  EndpointSubset, EndpointAddress, ConfigMap, Secret, Event, ServiceAccount, PersistentVolume,
  PersistentVolumeClaim, ResourceRequirements, Volume, Affinity, NodeSelectorTerm, NodeSelectorRequirement,
  ObjectReference, LimitRange, ResourceQuota,
} from 'kubernetes-types/core/v1';
export type { Deployment, DeploymentSpec, DeploymentStatus, DeploymentCondition, ReplicaSet, ReplicaSetSpec,
  ReplicaSetStatus, StatefulSet, DaemonSet, ControllerRevision } from 'kubernetes-types/apps/v1';
export type { Job, CronJob } from 'kubernetes-types/batch/v1';
export type { EndpointSlice, Endpoint as SliceEndpoint } from 'kubernetes-types/discovery/v1';
export type { StorageClass } from 'kubernetes-types/storage/v1';
export type { HorizontalPodAutoscaler } from 'kubernetes-types/autoscaling/v2';
export type { Lease } from 'kubernetes-types/coordination/v1';

/** Any API object as stored: metadata always present with name, uid, resourceVersion and creationTimestamp. */
export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: Meta;
  // Kinds carry spec/status/data/... ; narrowing happens where fields are read.
  [field: string]: unknown;
}

/** Removes `readonly` (kubernetes-types marks server-set fields read-only; the apiserver sets them). */
export type Writable<T> = { -readonly [K in keyof T]: T[K] };

/** Object metadata as stored: the name is always present. */
export type Meta = Writable<ObjectMeta> & { name: string };

/** A narrowed stored object: the kubernetes-types shape with guaranteed metadata. */
export type Stored<T> = Omit<T, 'metadata'> & { apiVersion: string; kind: string; metadata: Meta };

/** The reference an owned object holds to its controller. */
export type OwnerRef = OwnerReference;
