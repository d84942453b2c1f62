/** `kubectl --help` and `kubectl <verb> --help`. */
import type { Command } from './command';

/** Command groups of `kubectl --help`, in kubectl's order. */
const GROUPS: [string, string[]][] = [
  ['Basic Commands (Beginner)', ['create', 'expose', 'run', 'set']],
  ['Basic Commands (Intermediate)', ['explain', 'get', 'edit', 'delete']],
  ['Deploy Commands', ['rollout', 'scale', 'autoscale']],
  ['Cluster Management Commands', ['certificate', 'cluster-info', 'top', 'cordon', 'uncordon', 'drain', 'taint']],
  ['Troubleshooting and Debugging Commands', ['describe', 'logs', 'attach', 'exec', 'port-forward', 'proxy', 'cp', 'auth', 'debug', 'events']],
  ['Advanced Commands', ['diff', 'apply', 'patch', 'replace', 'wait', 'kustomize']],
  ['Settings Commands', ['label', 'annotate', 'completion']],
  ['Subcommands provided by plugins', []],
  ['Other Commands', ['api-resources', 'api-versions', 'config', 'plugin', 'version']],
];

/** The root help listing the commands this kubectl has, grouped as kubectl groups them. */
export function rootHelp(commands: readonly Command[]): string {
  const lines = ['kubectl controls the Kubernetes cluster manager.', '', ' Find more information at: https://kubernetes.io/docs/reference/kubectl/', ''];
  for (const [title, names] of GROUPS) {
    const cmds = names.map((n) => commands.find((c) => c.name === n)).filter((c): c is Command => c !== undefined);
    if (cmds.length === 0) continue;
    lines.push(`${title}:`);
    for (const c of cmds) lines.push(`  ${c.name.padEnd(14)}${c.short}`);
    lines.push('');
  }
  lines.push('Usage:', '  kubectl [flags] [options]', '', 'Use "kubectl <command> --help" for more information about a given command.', 'Use "kubectl options" for a list of global command-line options (applies to all commands).');
  return `${lines.join('\n')}\n`;
}

/** Help of one command: description, sub-commands, flags, usage. */
export function commandHelp(cmd: Command, path: string): string {
  const lines = [`${cmd.short}.`, ''];
  if (cmd.subcommands?.length) {
    lines.push('Available Commands:');
    for (const s of cmd.subcommands) lines.push(`  ${s.name.padEnd(22)}${s.short}`);
    lines.push('');
  }
  if (cmd.flags.length) {
    lines.push('Options:');
    for (const f of cmd.flags) {
      const short = f.short ? `-${f.short}, ` : '    ';
      const def = f.default !== undefined && f.default !== '' && !(Array.isArray(f.default) && f.default.length === 0) ? `=${JSON.stringify(f.default)}` : '';
      lines.push(`    ${short}--${f.name}${f.type === 'bool' ? '' : def}`);
    }
    lines.push('');
  }
  lines.push('Usage:', `  ${cmd.usage.startsWith('kubectl') ? cmd.usage : `${path} ${cmd.usage}`}`, '', 'Use "kubectl options" for a list of global command-line options (applies to all commands).');
  return `${lines.join('\n')}\n`;
}
