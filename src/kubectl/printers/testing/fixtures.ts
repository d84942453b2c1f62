/**
 * Builders for printer tests: a fixed virtual "now" and stored-object skeletons with realistic metadata.
 */
import { toTimestamp } from '../../../engine';
import type { KubeObject } from '../../../engine';

/** The virtual time every printer test prints at. */
export const NOW = Date.parse('2025-06-01T12:00:00Z');

/** The timestamp `seconds` before NOW. */
export function ago(seconds: number): string {
  return toTimestamp(NOW - seconds * 1000);
}

/** A stored object of `kind` with the given metadata and body fields. */
export function obj(
  apiVersion: string,
  kind: string,
  name: string,
  ageSeconds: number | undefined,
  body: Record<string, unknown> = {},
  meta: Record<string, unknown> = {},
): KubeObject {
  const metadata: KubeObject['metadata'] = { name, uid: `uid-${name}`, resourceVersion: '1', ...meta };
  if (ageSeconds !== undefined) metadata.creationTimestamp = ago(ageSeconds);
  return { apiVersion, kind, metadata, ...body };
}
