/**
 * Names of editor files. A name is what `kubectl apply -f <name>` reads and what the Monaco model's URI ends with,
 * so it stays a plain file name with a YAML extension (the schema applies to `*.yaml` and `*.yml`).
 */

/** Why a proposed name was refused. */
export type FileNameProblem = 'empty' | 'invalid' | 'taken';

const ALLOWED = /^[A-Za-z0-9._-]+$/;

/** `web` → `web.yaml`; `web.yml` and `web.yaml` stay; surrounding spaces go. */
export function withYamlExtension(name: string): string {
  const trimmed = name.trim();
  return /\.ya?ml$/i.test(trimmed) ? trimmed : `${trimmed}.yaml`;
}

/** Checks a name typed by the user (after withYamlExtension) against the other tabs' names. */
export function checkFileName(name: string, others: readonly string[]): FileNameProblem | undefined {
  if (name.trim() === '' || /^\.ya?ml$/i.test(name)) return 'empty';
  if (!ALLOWED.test(name)) return 'invalid';
  if (others.includes(name)) return 'taken';
  return undefined;
}

/** A name not used by `taken`: `base.yaml`, else `base-2.yaml`, `base-3.yaml`, ... */
export function uniqueFileName(base: string, taken: readonly string[]): string {
  const name = withYamlExtension(base.replace(/[^A-Za-z0-9._-]+/g, '-') || 'untitled');
  if (!taken.includes(name)) return name;
  const dot = name.lastIndexOf('.');
  const stem = name.slice(0, dot);
  const ext = name.slice(dot);
  for (let i = 2; ; i++) {
    const candidate = `${stem}-${i}${ext}`;
    if (!taken.includes(candidate)) return candidate;
  }
}

/** The next `untitled-N.yaml`. */
export function untitledName(taken: readonly string[]): string {
  for (let i = 1; ; i++) {
    const candidate = `untitled-${i}.yaml`;
    if (!taken.includes(candidate)) return candidate;
  }
}
