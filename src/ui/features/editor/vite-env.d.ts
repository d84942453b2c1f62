/// <reference types="vite/client" />

// Monaco's editor core without the bundled language services (TypeScript, CSS, HTML, JSON): the same API as the
// package root, whose types describe it.
declare module 'monaco-editor/esm/vs/editor/edcore.main.js' {
  export * from 'monaco-editor';
}

declare module 'monaco-editor/esm/vs/basic-languages/yaml/yaml.contribution.js';
