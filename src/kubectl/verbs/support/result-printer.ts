/**
 * Printing what a mutating verb did: `deployment.apps/web created` (the name printer with an operation), or the
 * object as `-o name|yaml|json|jsonpath`. One printer serves a whole command, so YAML documents after the first
 * are separated by `---` as kubectl's YAMLPrinter does.
 * Models staging/src/k8s.io/cli-runtime/pkg/genericclioptions/print_flags.go (PrintFlags.ToPrinter) and
 * staging/src/k8s.io/cli-runtime/pkg/printers (NamePrinter, YAMLPrinter, JSONPrinter, JSONPathPrinter).
 */
import type { KubeObject } from '../../../engine';
import type { CommandContext } from '../../context';
import { clientError } from '../../errors';
import { nameOf } from '../../output/print';
import { toJson, toYaml } from '../../output/yaml';
import { renderJsonPath } from '../../printers/jsonpath';
import type { DryRunStrategy } from './dry-run';
import { dryRunSuffix } from './dry-run';

/** The `-o` values of PrintFlags (JSON/YAML, name and template printers). */
export type ResultFormat =
  | { kind: 'operation' }
  | { kind: 'name' }
  | { kind: 'yaml' }
  | { kind: 'json' }
  | { kind: 'jsonpath'; template: string };

const ALLOWED = ['go-template', 'go-template-file', 'json', 'jsonpath', 'jsonpath-as-json', 'jsonpath-file', 'name', 'template', 'templatefile', 'yaml'];

/** Parses `-o` for a mutating verb (empty: the operation line). Throws kubectl's NoCompatiblePrinterError text. */
export function parseResultFormat(o: string): ResultFormat {
  const lower = o.toLowerCase();
  if (lower === '') return { kind: 'operation' };
  if (lower === 'name') return { kind: 'name' };
  if (lower === 'yaml') return { kind: 'yaml' };
  if (lower === 'json') return { kind: 'json' };
  const eq = o.indexOf('=');
  const head = eq >= 0 ? o.slice(0, eq) : o;
  if (head === 'jsonpath' || head === 'template' || head === 'jsonpath-as-json') {
    const template = eq >= 0 ? o.slice(eq + 1) : '';
    if (!template) throw clientError('template format specified but no template given');
    return { kind: 'jsonpath', template };
  }
  if (head === 'go-template' || head === 'go-template-file' || head === 'jsonpath-file' || head === 'templatefile') {
    // Divergence: Go templates and template files are not available in the simulated kubectl.
    throw clientError(`output format "${head}" is not supported by this kubectl`);
  }
  throw clientError(`unable to match a printer suitable for the output format "${o}", allowed formats are: ${ALLOWED.join(',')}`);
}

/** Prints the objects a command touched, in one format, with the command's dry-run suffix on operation lines. */
export class ResultPrinter {
  private yamlCount = 0;

  constructor(
    private readonly ctx: CommandContext,
    readonly format: ResultFormat,
    private readonly dryRun: DryRunStrategy = 'none',
  ) {}

  /** Prints one object; `operation` is the verb's past tense (`created`, `labeled`, `image updated`). */
  print(obj: KubeObject, operation: string): void {
    const out = this.ctx.out;
    switch (this.format.kind) {
      case 'operation':
        out.out(`${nameOf(obj)} ${operation}${dryRunSuffix(this.dryRun)}\n`);
        return;
      case 'name':
        out.out(`${nameOf(obj)}\n`);
        return;
      case 'yaml':
        if (this.yamlCount++ > 0) out.out('---\n');
        out.out(toYaml(obj));
        return;
      case 'json':
        out.out(toJson(obj));
        return;
      case 'jsonpath':
        try {
          out.out(renderJsonPath(this.format.template, obj));
        } catch (e) {
          throw clientError((e as Error).message.replace(/^error: /, ''));
        }
        return;
    }
  }

  /** Writes raw text between objects (`kubectl run --expose -o yaml` writes its own `---`). */
  raw(text: string): void {
    this.ctx.out.out(text);
  }
}
