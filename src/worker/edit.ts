/**
 * `kubectl edit` for the browser: instead of launching $EDITOR, the host reads the object with kubectl itself and
 * hands its YAML to the UI, which opens it in an editor tab; applying that tab saves the change.
 */
import type { KubeObject } from '../engine';
import { tokenize, type Kubectl } from '../kubectl';
import { objectId, type CommandOutput } from '../protocol/messages';

/** Global flags that take a value, so `kubectl -n demo edit …` still finds the verb. */
const VALUE_FLAGS = new Set(['-n', '--namespace', '--context', '--kubeconfig', '-v', '--v', '--request-timeout']);

/** The arguments after `edit` when `line` is a `kubectl edit …` (or `k edit …`) command; otherwise undefined. */
export function editArgs(line: string): string[] | undefined {
  const t = tokenize(line);
  if (!t.ok) return undefined;
  let words = t.words;
  if (words[0] === 'kubectl' || words[0] === 'k') words = words.slice(1);
  else return undefined;
  let i = 0;
  while (i < words.length && words[i]!.startsWith('-')) i += VALUE_FLAGS.has(words[i]!) ? 2 : 1;
  if (words[i] !== 'edit') return undefined;
  return [...words.slice(0, i), ...words.slice(i + 1)];
}

/** Drops edit's own output-format flags (`-o json` picks the editing format upstream); the editor always uses YAML. */
function withoutOutputFlags(args: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '-o' || a === '--output') {
      i++;
      continue;
    }
    if (a.startsWith('-o') || a.startsWith('--output=')) continue;
    out.push(a);
  }
  return out;
}

function failure(message: string, exitCode = 1): CommandOutput {
  return { stdout: '', stderr: message, output: message, exitCode };
}

/**
 * Runs `kubectl edit <args>`: the object is read with `kubectl get -o json` (errors are kubectl's own, such as
 * NotFound) and rendered with `kubectl get -o yaml`; the result carries `edit` with that YAML and prints nothing.
 */
export function runEdit(kubectl: Kubectl, args: readonly string[]): CommandOutput {
  if (args.includes('--help') || args.includes('-h')) {
    const text = 'Edit a resource from the default editor.\n\nIn KubePlay the object opens in a tab of the editor; Apply saves it.\n\nUsage:\n  kubectl edit (RESOURCE/NAME | -f FILENAME) [options]\n';
    return { stdout: text, stderr: '', output: text, exitCode: 0 };
  }
  const rest = withoutOutputFlags(args);
  const positional = rest.filter((a, i) => !a.startsWith('-') && !VALUE_FLAGS.has(rest[i - 1] ?? ''));
  if (positional.length === 0 && !rest.some((a) => a === '-f' || a.startsWith('--filename'))) {
    // Models staging/src/k8s.io/cli-runtime/pkg/resource/builder.go Do (the missing-resource error).
    return failure("error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'\n");
  }
  const json = kubectl.runArgs(['get', ...rest, '-o', 'json']);
  if (json.exitCode !== 0) return json;
  let parsed: KubeObject & { items?: KubeObject[] };
  try {
    parsed = JSON.parse(json.stdout) as KubeObject & { items?: KubeObject[] };
  } catch {
    return failure('error: could not read the object to edit\n');
  }
  const objects = parsed.kind === 'List' ? (parsed.items ?? []) : [parsed];
  if (objects.length === 0) return failure('error: no objects passed to edit\n');
  // Divergence: upstream edits several objects as one List document; the editor opens one object per tab.
  if (objects.length > 1) return failure(`error: KubePlay edits one object at a time (${objects.length} matched); name one, e.g. ${describeFirst(objects[0]!)}\n`);
  const obj = objects[0]!;
  const ns = obj.metadata.namespace;
  const yaml = kubectl.runArgs(['get', `${obj.kind.toLowerCase()}/${obj.metadata.name}`, ...(ns ? ['-n', ns] : []), '-o', 'yaml']);
  if (yaml.exitCode !== 0) return yaml;
  return { stdout: '', stderr: '', output: '', exitCode: 0, edit: { objectId: objectId(obj), yaml: withoutResourceVersion(yaml.stdout) } };
}

/**
 * Removes `metadata.resourceVersion` from a `get -o yaml` document.
 * Divergence: upstream edit saves a two-way patch that leaves resourceVersion out; the editor saves with
 * `kubectl apply`, which would send the stale resourceVersion and fail with a Conflict once a controller has
 * written the object's status in between.
 */
export function withoutResourceVersion(yaml: string): string {
  const lines = yaml.split('\n');
  const start = lines.indexOf('metadata:');
  if (start < 0) return yaml;
  for (let i = start + 1; i < lines.length && lines[i]!.startsWith(' '); i++) {
    if (lines[i]!.startsWith('  resourceVersion: ')) {
      lines.splice(i, 1);
      break;
    }
  }
  return lines.join('\n');
}

function describeFirst(obj: KubeObject): string {
  return `kubectl edit ${obj.kind.toLowerCase()}/${obj.metadata.name}`;
}
