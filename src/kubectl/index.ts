/** kubectl's public API: the interpreter, session scripts and the types hosts implement. */
export { Kubectl, type KubectlOptions } from './kubectl';
export type { RunResult } from './io';
export type { ApplyDiagnostic, FileSource } from './context';
export { Session, SessionFiles } from './shell/session';
export { parseScript, ScriptError, type ScriptStep } from './shell/script';
export { tokenize } from './shell/tokenize';
export { podSummary, type PodSummary } from './printers';
export { toYaml } from './output/yaml';
