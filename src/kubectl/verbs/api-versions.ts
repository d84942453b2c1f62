/**
 * `kubectl api-versions`: the group/versions the simulated apiserver serves, one a line, sorted.
 * Models staging/src/k8s.io/kubectl/pkg/cmd/apiresources/apiversions.go.
 */
import { apiVersionOf, RESOURCE_TYPES } from '../../engine';
import type { Command } from '../command';
import { KubectlError } from '../errors';

/** Every served group/version, sorted as `kubectl api-versions` prints them. */
export function servedApiVersions(): string[] {
  const versions = new Set(RESOURCE_TYPES.map(apiVersionOf));
  // HorizontalPodAutoscalers are still served at autoscaling/v1 besides the preferred v2.
  versions.add('autoscaling/v1');
  return [...versions].sort();
}

export const apiVersionsCommand: Command = {
  name: 'api-versions',
  short: 'Print the supported API versions on the server, in the form of "group/version"',
  usage: 'kubectl api-versions [flags] [options]',
  flags: [],
  run: (ctx, args) => {
    if (args.positional.length > 0) {
      throw new KubectlError(`error: unexpected arguments: [${args.positional.join(' ')}]\nSee 'kubectl api-versions -h' for help and examples`);
    }
    ctx.out.out(servedApiVersions().map((v) => `${v}\n`).join(''));
    return 0;
  },
};
