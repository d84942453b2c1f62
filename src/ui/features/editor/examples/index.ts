/** The starter manifests offered in the editor's Examples menu, in menu order. */
import type { EditorMessageKey } from '../strings';

/** One starter manifest: the file it opens as, its menu label and hint (i18n keys), and its YAML. */
export interface Example {
  id: ExampleId;
  fileName: string;
  label: EditorMessageKey;
  hint: EditorMessageKey;
  text: string;
}

/** The examples, by file stem. */
export type ExampleId = 'deployment' | 'service' | 'statefulset' | 'daemonset' | 'job' | 'cronjob' | 'hpa' | 'pv-pvc' | 'configmap-secret' | 'pod';

const ORDER: readonly ExampleId[] = ['deployment', 'service', 'statefulset', 'daemonset', 'job', 'cronjob', 'hpa', 'pv-pvc', 'configmap-secret', 'pod'];

// The YAML files are small (about 8 KiB together), so they ship with the panel rather than with Monaco.
const TEXTS = import.meta.glob<string>('./*.yaml', { query: '?raw', import: 'default', eager: true });

/** Every example, with its text. */
export const EXAMPLES: readonly Example[] = ORDER.map((id) => ({
  id,
  fileName: `${id}.yaml`,
  label: `example.${id}` as EditorMessageKey,
  hint: `example.${id}.hint` as EditorMessageKey,
  text: TEXTS[`./${id}.yaml`] ?? '',
}));
