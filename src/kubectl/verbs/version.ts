/**
 * `kubectl version`: client, Kustomize and server versions (v1.34.0 everywhere), as text or `-o yaml|json`.
 * Models staging/src/k8s.io/kubectl/pkg/cmd/version/version.go.
 */
import { KUBERNETES_VERSION } from '../../engine';
import type { Command } from '../command';
import { flag, type ParsedArgs } from '../cli/flags';
import type { CommandContext } from '../context';
import { clientError } from '../errors';
import { toYaml } from '../output/yaml';

/** The Kustomize release kubectl v1.34 embeds. */
export const KUSTOMIZE_VERSION = 'v5.7.1';

// The v1.34.0 release build.
const GIT_COMMIT = 'f28b4c9efbca5c5c0af716d9f2d5702667ee8a45';
const BUILD_DATE = '2025-08-27T10:09:04Z';
const GO_VERSION = 'go1.24.6';
// Divergence: the client's platform is the learner's machine upstream; one platform is reported here.
const PLATFORM = 'linux/amd64';

/** version.Info of the client (Go struct field order). */
function clientInfo(): Record<string, string> {
  const [major, minor] = KUBERNETES_VERSION.slice(1).split('.');
  return { major: major!, minor: minor!, gitVersion: KUBERNETES_VERSION, gitCommit: GIT_COMMIT, gitTreeState: 'clean', buildDate: BUILD_DATE, goVersion: GO_VERSION, compiler: 'gc', platform: PLATFORM };
}

/** version.Info of the apiserver, which also reports its emulation and minimum compatibility versions. */
function serverInfo(): Record<string, string> {
  const [major, minor] = KUBERNETES_VERSION.slice(1).split('.');
  return {
    major: major!,
    minor: minor!,
    emulationMajor: major!,
    emulationMinor: minor!,
    minCompatibilityMajor: major!,
    minCompatibilityMinor: String(Number(minor) - 1),
    gitVersion: KUBERNETES_VERSION,
    gitCommit: GIT_COMMIT,
    gitTreeState: 'clean',
    buildDate: BUILD_DATE,
    goVersion: GO_VERSION,
    compiler: 'gc',
    platform: PLATFORM,
  };
}

export const versionCommand: Command = {
  name: 'version',
  short: 'Print the client and server version information',
  usage: 'kubectl version [flags] [options]',
  flags: [
    { name: 'client', type: 'bool' },
    { name: 'output', short: 'o', type: 'string', default: '' },
  ],
  run: runVersion,
};

function runVersion(ctx: CommandContext, args: ParsedArgs): number {
  const clientOnly = flag.bool(args, 'client');
  if (!clientOnly && args.positional.length > 0) throw clientError(`extra arguments: [${args.positional.join(' ')}]`);
  const output = flag.str(args, 'output');
  if (output !== '' && output !== 'yaml' && output !== 'json') throw clientError("--output must be 'yaml' or 'json'");
  const info: Record<string, unknown> = { clientVersion: clientInfo(), kustomizeVersion: KUSTOMIZE_VERSION };
  if (!clientOnly) info.serverVersion = serverInfo();
  switch (output) {
    case '':
      ctx.out.out(`Client Version: ${KUBERNETES_VERSION}\nKustomize Version: ${KUSTOMIZE_VERSION}\n`);
      if (!clientOnly) ctx.out.out(`Server Version: ${KUBERNETES_VERSION}\n`);
      break;
    case 'yaml':
      // Fprintln after the YAML document: one blank line at the end.
      ctx.out.out(`${toYaml(info)}\n`);
      break;
    case 'json':
      ctx.out.out(`${JSON.stringify(info, null, 2)}\n`);
      break;
  }
  return 0;
}
