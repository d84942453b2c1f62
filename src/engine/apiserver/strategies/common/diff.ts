/**
 * The go-cmp style struct diff that some Forbidden update messages append.
 * Divergence: upstream diffs the internal Go struct; this lists the changed top-level fields as `-`/`+` lines with
 * JSON values under the struct's type name, which keeps what changed readable without the Go field dump.
 */
import { semanticEqual } from './equality';

type Obj = Record<string, unknown>;

const goFieldName = (k: string) => k.charAt(0).toUpperCase() + k.slice(1);

/** A diff of two objects' top-level fields, headed by `typeName` (`core.PodSpec`). */
export function structDiff(typeName: string, oldObj: Obj, newObj: Obj): string {
  const keys = [...new Set([...Object.keys(oldObj), ...Object.keys(newObj)])].sort();
  const lines = [`  ${typeName}{`];
  let same = 0;
  const flush = () => {
    if (same > 0) lines.push(`  \t... // ${same} identical field${same === 1 ? '' : 's'}`);
    same = 0;
  };
  for (const k of keys) {
    if (semanticEqual(oldObj[k], newObj[k])) {
      same++;
      continue;
    }
    flush();
    if (oldObj[k] !== undefined) lines.push(`- \t${goFieldName(k)}: ${JSON.stringify(oldObj[k])},`);
    if (newObj[k] !== undefined) lines.push(`+ \t${goFieldName(k)}: ${JSON.stringify(newObj[k])},`);
  }
  flush();
  lines.push('  }');
  return lines.join('\n');
}
