/** Adapts the engine's manifest decoder to the per-document results the verbs print. */
import { decodeManifests } from '../../engine';
import type { ManifestDoc } from './manifests';

/** Decodes one file's text; client-side failures come back rendered as kubectl prints them. */
export function decodeManifestText(text: string, source: string): ManifestDoc[] {
  return decodeManifests(text, source).map((d) => ({
    source,
    ...(d.obj ? { obj: d.obj } : {}),
    ...(d.error ? { error: `error: ${d.error}` } : {}),
    ...(d.serverError ? { badRequest: d.serverError.message } : {}),
  }));
}
