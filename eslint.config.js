// Lint rules that keep the engine deterministic and the layers apart. Review is not enforcement: these are.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const wallClockAndRandomness = [
  { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'Use the cluster clock (ctx.clock.nowMs), not Date.now().' },
  { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'Use the cluster clock, not new Date().' },
  { selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']", message: 'Use the seeded RNG (ctx.rng.fork(...)), not Math.random().' },
  { selector: "CallExpression[callee.name=/^(setTimeout|setInterval|setImmediate|queueMicrotask|requestAnimationFrame)$/]", message: 'Schedule work on the virtual clock (clock.schedule), not real timers.' },
  { selector: "CallExpression[callee.object.name='performance'][callee.property.name='now']", message: 'No wall-clock time in the engine.' },
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'test-results/**', '.scratch/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.es2022 } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-constant-condition': ['error', { checkLoops: false }],
    },
  },
  {
    files: ['src/engine/**/*.ts', 'src/kubectl/**/*.ts', 'src/protocol/**/*.ts'],
    ignores: ['**/*.test.ts', '**/testing/**', '**/*.bench.ts'],
    rules: {
      'no-restricted-syntax': ['error', ...wallClockAndRandomness],
      'no-restricted-globals': ['error', 'window', 'document', 'process', 'navigator', 'localStorage', 'self', 'console'],
      'no-restricted-imports': ['error', { patterns: [
        { group: ['node:*', 'fs', 'path', 'os', 'child_process'], message: 'The engine and kubectl run in the browser: no Node APIs.' },
        { group: ['react', 'react-dom', '@xyflow/*', 'monaco-editor', 'zustand'], message: 'No UI libraries below the UI layer.' },
      ] }],
    },
  },
  {
    files: ['src/engine/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['node:*', 'fs', 'path', 'os', 'child_process'], message: 'The engine runs in the browser: no Node APIs.' },
        { group: ['**/kubectl/**', '**/kubectl', '**/ui/**', '**/worker/**', '**/cli/**', '**/protocol/**'], message: 'The engine knows nothing of kubectl, UI, worker, CLI or protocol.' },
        { group: ['react', 'react-dom', '@xyflow/*', 'monaco-editor', 'zustand'], message: 'No UI libraries in the engine.' },
      ] }],
    },
  },
  {
    files: ['src/kubectl/**/*.ts', 'src/protocol/**/*.ts'],
    ignores: ['**/*.test.ts', '**/testing/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['node:*', 'fs', 'path', 'os', 'child_process'], message: 'kubectl runs in the browser: no Node APIs.' },
        { group: ['react', 'react-dom', '@xyflow/*', 'monaco-editor', 'zustand'], message: 'No UI libraries below the UI layer.' },
        { group: ['**/engine/*/**', '**/engine/*', '!**/engine/index'], message: 'Import the engine through src/engine/index.ts only.' },
      ] }],
    },
  },
  {
    files: ['src/cli/**/*.ts', 'src/worker/**/*.ts', 'src/ui/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['**/engine/*/**', '**/engine/*', '!**/engine/index'], message: 'Import the engine through src/engine/index.ts only.' },
      ] }],
    },
  },
  {
    files: ['src/cli/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.{ts,mjs,js}', 'e2e/**/*.{ts,mjs,js}', '**/*.config.{js,ts}'],
    languageOptions: { globals: { ...globals.node } },
  },
);
