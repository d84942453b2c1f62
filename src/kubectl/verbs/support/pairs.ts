/**
 * `KEY=VALUE` / `KEY-` arguments of label, annotate and set image, split from the resource arguments before them.
 * Models staging/src/k8s.io/kubectl/pkg/cmd/util/helpers.go (GetResourcesAndPairs, ParsePairs).
 */
import { clientError } from '../../errors';

/** Splits `args` into resource arguments and the pairs after them; a resource after a pair is an error. */
export function splitResourcesAndPairs(args: readonly string[], pairType: string): { resources: string[]; pairs: string[] } {
  const resources: string[] = [];
  const pairs: string[] = [];
  let foundPair = false;
  for (const s of args) {
    const isPair = (s.includes('=') && s[0] !== '=') || (s.endsWith('-') && s !== '-');
    if (isPair) {
      foundPair = true;
      pairs.push(s);
    } else if (!foundPair) {
      resources.push(s);
    } else {
      throw clientError(`all resources must be specified before ${pairType} changes: ${s}`);
    }
  }
  return { resources, pairs };
}

/** Parsed pairs: values to set (in the order given) and keys to remove. */
export interface ParsedPairs {
  set: Map<string, string>;
  remove: string[];
}

/** Parses `KEY=VALUE` (value may contain `=`) and, if `supportRemove`, `KEY-`; malformed ones are listed together. */
export function parsePairs(pairArgs: readonly string[], pairType: string, supportRemove: boolean): ParsedPairs {
  const set = new Map<string, string>();
  const remove: string[] = [];
  const invalid: string[] = [];
  for (const arg of pairArgs) {
    if (arg.includes('=') && arg[0] !== '=') {
      const i = arg.indexOf('=');
      set.set(arg.slice(0, i), arg.slice(i + 1));
    } else if (supportRemove && arg.endsWith('-') && arg !== '-') {
      remove.push(arg.slice(0, -1));
    } else {
      invalid.push(arg);
    }
  }
  if (invalid.length > 0) throw clientError(`invalid ${pairType} format: ${invalid.join(', ')}`);
  return { set, remove };
}
