// The YAML language worker (yaml-language-server inside monaco-yaml), re-exported so Vite bundles it as a worker.
import 'monaco-yaml/yaml.worker.js';
