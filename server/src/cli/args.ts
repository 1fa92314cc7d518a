/** A small, strict command-line parser: known flags, options with values, and positional paths. */
export interface ParsedArgs {
  readonly command: string | undefined;
  readonly flags: ReadonlySet<string>;
  readonly options: ReadonlyMap<string, string>;
  readonly paths: readonly string[];
}

export interface ArgSpec {
  readonly flags: readonly string[];
  readonly options: readonly string[];
}

export class ArgError extends Error {
  constructor(readonly kind: 'unknownOption' | 'missingValue', readonly option: string) {
    super(`${kind}: ${option}`);
  }
}

export function parseArgs(argv: readonly string[], spec: ArgSpec): ParsedArgs {
  const flags = new Set<string>();
  const options = new Map<string, string>();
  const paths: string[] = [];
  let command: string | undefined;
  let onlyPaths = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (onlyPaths || !a.startsWith('-') || a === '-') {
      if (command === undefined && !onlyPaths) command = a;
      else paths.push(a);
      continue;
    }
    if (a === '--') {
      onlyPaths = true;
      continue;
    }
    const eq = a.indexOf('=');
    const name = eq > 0 ? a.slice(0, eq) : a;
    if (spec.flags.includes(name) && eq < 0) {
      flags.add(name);
    } else if (spec.options.includes(name)) {
      const value = eq > 0 ? a.slice(eq + 1) : argv[++i];
      if (value === undefined || (eq < 0 && value.startsWith('--'))) throw new ArgError('missingValue', name);
      options.set(name, value);
    } else {
      throw new ArgError('unknownOption', name);
    }
  }
  return { command, flags, options, paths };
}
