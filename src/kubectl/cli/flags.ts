/**
 * Flag parsing with cobra/pflag semantics: `--name=value`, `--name value`, `-n value`, `-nvalue`, `-oyaml`,
 * boolean `--flag` / `--flag=false`, `--` ending flags, and pflag's error messages for unknown or malformed flags.
 */

export type FlagType = 'bool' | 'string' | 'int' | 'stringArray';

/** One flag a command accepts. */
export interface FlagSpec {
  name: string;
  short?: string;
  type: FlagType;
  default?: string | number | boolean | string[];
  /** Value used when the flag is given without `=value` (pflag NoOptDefVal, e.g. `--dry-run`). */
  noOptDefault?: string;
}

/** Parsed flags and positional arguments. */
export interface ParsedArgs {
  flags: Map<string, string | number | boolean | string[]>;
  /** Flags the user actually set (to tell "default" from "given"). */
  changed: Set<string>;
  positional: string[];
  /** Arguments after a literal `--` (the container command of `kubectl run`). */
  afterDash: string[] | undefined;
}

export class FlagError extends Error {}

/** Parses `argv` against `specs`. Throws FlagError with pflag's wording. */
export function parseFlags(argv: readonly string[], specs: readonly FlagSpec[]): ParsedArgs {
  const byName = new Map(specs.map((s) => [s.name, s]));
  const byShort = new Map(specs.filter((s) => s.short).map((s) => [s.short!, s]));
  const flags = new Map<string, string | number | boolean | string[]>();
  for (const s of specs) if (s.default !== undefined) flags.set(s.name, s.default);
  const changed = new Set<string>();
  const positional: string[] = [];
  let afterDash: string[] | undefined;

  const set = (spec: FlagSpec, raw: string, display: string) => {
    changed.add(spec.name);
    switch (spec.type) {
      case 'bool':
        if (!/^(true|false|1|0|t|f|TRUE|FALSE|True|False)$/.test(raw)) throw new FlagError(`invalid argument "${raw}" for "${display}" flag: strconv.ParseBool: parsing "${raw}": invalid syntax`);
        flags.set(spec.name, /^(true|1|t|TRUE|True)$/.test(raw));
        break;
      case 'int':
        if (!/^-?\d+$/.test(raw)) throw new FlagError(`invalid argument "${raw}" for "${display}" flag: strconv.ParseInt: parsing "${raw}": invalid syntax`);
        flags.set(spec.name, Number(raw));
        break;
      case 'stringArray': {
        const prev = changed.has(spec.name) && Array.isArray(flags.get(spec.name)) && flags.get(spec.name) !== spec.default ? (flags.get(spec.name) as string[]) : [];
        flags.set(spec.name, [...prev, raw]);
        break;
      }
      default:
        flags.set(spec.name, raw);
    }
  };

  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') {
      afterDash = argv.slice(i + 1);
      break;
    }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = eq >= 0 ? a.slice(2, eq) : a.slice(2);
      const spec = byName.get(name);
      if (!spec) throw new FlagError(`unknown flag: --${name}`);
      const display = spec.short ? `-${spec.short}, --${spec.name}` : `--${spec.name}`;
      if (eq >= 0) set(spec, a.slice(eq + 1), display);
      else if (spec.type === 'bool') set(spec, 'true', display);
      else if (spec.noOptDefault !== undefined) set(spec, spec.noOptDefault, display);
      else {
        if (i + 1 >= argv.length) throw new FlagError(`flag needs an argument: --${name}`);
        set(spec, argv[++i]!, display);
      }
      continue;
    }
    if (a.startsWith('-') && a.length > 1 && !/^-\d/.test(a)) {
      // Shorthand cluster: -it, -n ns, -nns, -oyaml, -o=yaml.
      let j = 1;
      while (j < a.length) {
        const c = a[j]!;
        const spec = byShort.get(c);
        if (!spec) throw new FlagError(`unknown shorthand flag: '${c}' in ${a}`);
        const display = `-${c}, --${spec.name}`;
        if (spec.type === 'bool') {
          if (a[j + 1] === '=') {
            set(spec, a.slice(j + 2), display);
            break;
          }
          set(spec, 'true', display);
          j++;
          continue;
        }
        const rest = a.slice(j + 1);
        if (rest.length > 0) set(spec, rest.startsWith('=') ? rest.slice(1) : rest, display);
        else if (spec.noOptDefault !== undefined) set(spec, spec.noOptDefault, display);
        else {
          if (i + 1 >= argv.length) throw new FlagError(`flag needs an argument: '${c}' in -${c}`);
          set(spec, argv[++i]!, display);
        }
        break;
      }
      continue;
    }
    positional.push(a);
  }
  return { flags, changed, positional, afterDash };
}

/** Typed accessors over ParsedArgs. */
export const flag = {
  str: (p: ParsedArgs, name: string): string => String(p.flags.get(name) ?? ''),
  bool: (p: ParsedArgs, name: string): boolean => p.flags.get(name) === true,
  int: (p: ParsedArgs, name: string): number => Number(p.flags.get(name) ?? 0),
  arr: (p: ParsedArgs, name: string): string[] => (p.flags.get(name) as string[] | undefined) ?? [],
  has: (p: ParsedArgs, name: string): boolean => p.changed.has(name),
};
