/**
 * Monaco with YAML and the Kubernetes schema, set up once. Imported only by the lazily loaded editor component,
 * so Monaco, monaco-yaml and the schema stay out of the first-load bundle.
 */
// The editor core and the YAML tokenizer only; the package root would add every other language (about 80 chunks).
import * as monaco from 'monaco-editor/esm/vs/editor/edcore.main.js';
import 'monaco-editor/esm/vs/basic-languages/yaml/yaml.contribution.js';
import EditorWorker from 'monaco-editor/esm/vs/editor/editor.worker.js?worker';
import { configureMonacoYaml, type JSONSchema } from 'monaco-yaml';
import YamlWorker from './yaml.worker?worker';
import schema from './schema/k8s-schema.json';

export { monaco };

/** Where the schema is registered (never fetched: it is passed inline). */
export const SCHEMA_URI = 'inmemory://kubeplay/schemas/k8s-v1.34.json';

/** Light and dark editor themes that sit on the panel's own colours. */
export const THEMES = { light: 'kubeplay-light', dark: 'kubeplay-dark' } as const;

self.MonacoEnvironment = {
  getWorker(_workerId: string, label: string): Worker {
    return label === 'yaml' ? new YamlWorker() : new EditorWorker();
  },
};

/** The options monaco-yaml's worker manager passes to createWebWorker (Monaco's older form). */
interface LabelledWorkerOptions {
  label?: string;
  moduleId?: string;
  createData?: unknown;
  host?: unknown;
  keepIdleModels?: boolean;
  worker?: undefined;
}

// The core's createWebWorker takes a started worker; monaco-yaml still names one by label with its create data
// (the package root adapts this the same way, which edcore leaves out). The worker's bootstrap starts on its
// first message and reads the create data from the second. Relies on monaco-editor being pinned to 0.54.0.
const coreCreateWebWorker = monaco.editor.createWebWorker;
(monaco.editor as { createWebWorker: unknown }).createWebWorker = (options: monaco.editor.IInternalWebWorkerOptions | LabelledWorkerOptions) => {
  if (options.worker !== undefined) return coreCreateWebWorker(options);
  const legacy = options as LabelledWorkerOptions;
  const worker = self.MonacoEnvironment!.getWorker!('workerMain.js', legacy.label ?? 'monaco-editor-worker') as Worker;
  worker.postMessage('start');
  worker.postMessage(legacy.createData);
  return coreCreateWebWorker({ worker, host: legacy.host, keepIdleModels: legacy.keepIdleModels ?? false });
};

configureMonacoYaml(monaco, {
  enableSchemaRequest: false,
  validate: true,
  completion: true,
  hover: true,
  schemas: [{ uri: SCHEMA_URI, fileMatch: ['**/*.yaml', '**/*.yml'], schema: schema as JSONSchema }],
});

monaco.editor.defineTheme(THEMES.light, {
  base: 'vs',
  inherit: true,
  rules: [],
  colors: { 'editor.background': '#ffffff', 'editorLineNumber.foreground': '#8a94a6', 'editorGutter.background': '#ffffff' },
});
monaco.editor.defineTheme(THEMES.dark, {
  base: 'vs-dark',
  inherit: true,
  rules: [],
  colors: { 'editor.background': '#131922', 'editorLineNumber.foreground': '#6e7681', 'editorGutter.background': '#131922' },
});

// Tests drive the editor through the namespace (markers, models, suggestions).
(globalThis as { __monaco?: typeof monaco }).__monaco = monaco;
