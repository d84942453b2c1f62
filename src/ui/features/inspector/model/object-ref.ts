/** Splits ObjectIds into the parts kubectl commands need. */
import type { ObjectId } from '../../../../protocol/messages';

/** Kind, namespace (for namespaced objects) and name of an ObjectId (`Kind/ns/name` or `Kind/name`). */
export interface ObjectRef {
  kind: string;
  namespace?: string;
  name: string;
}

/** Parses `Pod/default/web-1` or `Node/kind-worker`. */
export function parseObjectId(id: ObjectId): ObjectRef {
  const parts = id.split('/');
  if (parts.length >= 3) return { kind: parts[0]!, namespace: parts[1]!, name: parts.slice(2).join('/') };
  return { kind: parts[0]!, name: parts[1] ?? '' };
}

/** kubectl's resource word for a kind (`deployment`, `persistentvolumeclaim`). */
export function resourceWord(kind: string): string {
  return kind.toLowerCase();
}

/** The file name an object opens under in the editor (the same rule as the terminal's `kubectl edit`). */
export function editFileName(ref: ObjectRef): string {
  return `${ref.kind.toLowerCase()}-${ref.name}.yaml`;
}

/** ` -n <ns>` for namespaced objects, '' otherwise. */
export function namespaceFlag(ref: ObjectRef): string {
  return ref.namespace ? ` -n ${ref.namespace}` : '';
}
