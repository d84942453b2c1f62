/** Small helpers shared by several verbs. */
import type { ApiStatus, ResourceType } from '../../engine';
import { qualifiedResource } from '../../engine';

/** The NotFound status the apiserver returns for `type`/`name`, for verbs that check existence themselves. */
export function notFoundStatus(type: ResourceType, name: string): ApiStatus {
  return { kind: 'Status', apiVersion: 'v1', status: 'Failure', message: `${qualifiedResource(type)} "${name}" not found`, reason: 'NotFound', code: 404, details: { name, group: type.group, kind: type.resource } };
}
