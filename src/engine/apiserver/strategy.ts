/**
 * Per-kind apiserver behaviour: defaulting, validation, and what create/update may change.
 * Models pkg/registry/<group>/<kind>/strategy.go and pkg/apis/<group>/v1/defaults.go.
 */
import type { KubeObject } from '../api/types';
import type { FieldError } from './field-errors';

/** What a strategy may read about the cluster while defaulting or validating. */
export interface StrategyContext {
  readonly nowMs: number;
  /** Looks up another stored object (e.g. the namespace, a StorageClass). */
  get(kind: string, namespace: string | undefined, name: string): KubeObject | undefined;
  /** Lists stored objects of a kind (e.g. StorageClasses for the default class). */
  list(kind: string, namespace?: string): readonly KubeObject[];
  /** Allocates a ClusterIP / NodePort and similar cluster-wide resources. */
  readonly allocators: Allocators;
}

/** Cluster-wide allocators the Service strategy needs. */
export interface Allocators {
  /** Next free ClusterIP, or undefined when the range is exhausted. */
  allocateClusterIP(): string | undefined;
  /** Claims a specific ClusterIP; false if taken or out of range. */
  claimClusterIP(ip: string): boolean;
  releaseClusterIP(ip: string): void;
  allocateNodePort(): number | undefined;
  claimNodePort(port: number): boolean;
  releaseNodePort(port: number): void;
}

/** Behaviour of one kind in the apiserver. All hooks mutate the object they are given (a private copy). */
export interface Strategy {
  /** True when the kind has a status subresource: main-resource updates keep the stored status. */
  readonly hasStatusSubresource: boolean;
  /** Sets defaults (pkg/apis/.../defaults.go). Runs on create and update. */
  applyDefaults?(obj: KubeObject, ctx: StrategyContext): void;
  /** Create-only preparation (clear status, set initial phase). */
  prepareForCreate?(obj: KubeObject, ctx: StrategyContext): void;
  /** Update-only preparation (e.g. keep immutable server-set fields). */
  prepareForUpdate?(obj: KubeObject, old: KubeObject, ctx: StrategyContext): void;
  validate?(obj: KubeObject, ctx: StrategyContext): FieldError[];
  validateUpdate?(obj: KubeObject, old: KubeObject, ctx: StrategyContext): FieldError[];
  /** Called after the object is removed from storage (release allocated IPs and ports). */
  afterDelete?(obj: KubeObject, ctx: StrategyContext): void;
}

const strategies = new Map<string, Strategy>();

/** Registers the strategy for a kind (called once per kind module). */
export function registerStrategy(kind: string, s: Strategy): void {
  strategies.set(kind, s);
}

const PLAIN: Strategy = { hasStatusSubresource: false };

/** The strategy for a kind; kinds without one get plain storage semantics. */
export function strategyFor(kind: string): Strategy {
  return strategies.get(kind) ?? PLAIN;
}
