import { describe, expect, it } from 'vitest';
import type { CommandOutput } from '../../../protocol/messages';
import { translate } from '../../i18n';
import { FakeScreen } from './fake-screen.test-helper';
import { editFileName, parseSleep, ShellSession, type ShellHost } from './shell';

/** A shell on a fake screen whose kubectl answers from a table. */
function setup(answers: Record<string, Partial<CommandOutput>> = {}, history: string[] = []) {
  const screen = new FakeScreen(60);
  const calls: { line: string; stdin?: string }[] = [];
  const opened: { name: string; yaml: string }[] = [];
  const steps: number[] = [];
  const host: ShellHost = {
    write: (s) => screen.write(s),
    cols: () => screen.cols,
    clearScreen: () => screen.clear(),
    kubectl: async (line, stdin) => {
      calls.push({ line, ...(stdin !== undefined ? { stdin } : {}) });
      const a = answers[line] ?? {};
      const output = a.output ?? a.stdout ?? '';
      return { stdout: a.stdout ?? output, stderr: a.stderr ?? '', output, exitCode: a.exitCode ?? 0, ...(a.edit ? { edit: a.edit } : {}) };
    },
    step: (ms) => steps.push(ms),
    openInEditor: (name, yaml) => {
      opened.push({ name, yaml });
      return true;
    },
    completion: () => ({
      vocabulary: { verbs: [{ name: 'get', subcommands: [] }, { name: 'scale', subcommands: [] }], resources: [{ kind: 'Deployment', resource: 'deployments', singular: 'deployment', shortNames: ['deploy'], namespaced: true }] },
      names: (kind) => (kind === 'Deployment' ? ['web', 'worker'] : []),
      namespaces: () => ['default'],
      defaultNamespace: 'default',
    }),
    t: (key, vars) => translate('en', key, vars),
  };
  const shell = new ShellSession(host, history);
  shell.start('');
  return { shell, screen, calls, opened, steps };
}

describe('ShellSession', () => {
  it('runs kubectl and shows its output verbatim after the command', async () => {
    const { shell, screen, calls } = setup({ 'kubectl get pods': { output: 'No resources found in default namespace.\n' } });
    await shell.run('kubectl get pods');
    expect(calls).toEqual([{ line: 'kubectl get pods' }]);
    expect(screen.text()).toBe('$ kubectl get pods\nNo resources found in default namespace.\n$');
  });

  it('collects a heredoc across lines and sends it as stdin', async () => {
    const { shell, screen, calls } = setup({ 'kubectl apply -f -': { output: 'deployment.apps/web created\n' } });
    await shell.feed('kubectl apply -f - <<EOF\rapiVersion: apps/v1\rkind: Deployment\rEOF\r');
    expect(calls).toEqual([{ line: 'kubectl apply -f -', stdin: 'apiVersion: apps/v1\nkind: Deployment\n' }]);
    expect(screen.text()).toBe('$ kubectl apply -f - <<EOF\n> apiVersion: apps/v1\n> kind: Deployment\n> EOF\ndeployment.apps/web created\n$');
    expect(shell.entries).toEqual(['kubectl apply -f - <<EOF']);
  });

  it('joins lines ending in a backslash', async () => {
    const { shell, calls } = setup();
    await shell.feed('kubectl create deployment web \\\r  --image=nginx\r');
    // The shared script parser joins at the backslash; the shell's tokenizer ignores the extra space.
    expect(calls).toEqual([{ line: 'kubectl create deployment web  --image=nginx' }]);
  });

  it('walks the history with up and down, keeping the draft', async () => {
    const { shell } = setup({}, ['kubectl get nodes']);
    await shell.run('k get pods');
    await shell.feed('draft');
    await shell.feed('\x1b[A');
    expect(shell.input).toBe('k get pods');
    await shell.feed('\x1b[A\x1b[A');
    expect(shell.input).toBe('kubectl get nodes');
    await shell.feed('\x1b[B\x1b[B');
    expect(shell.input).toBe('draft');
  });

  it('completes with Tab and lists choices when nothing can be added', async () => {
    const { shell, screen } = setup();
    await shell.feed('kubectl sc\tdeploy/\t');
    expect(shell.input).toBe('kubectl scale deploy/w');
    await shell.feed('\t');
    expect(screen.text()).toBe('$ kubectl scale deploy/w\ndeploy/web     deploy/worker\n$ kubectl scale deploy/w');
  });

  it('opens kubectl edit results and redirected output in the editor', async () => {
    const { shell, screen, opened } = setup({
      'kubectl edit deploy/web': { edit: { objectId: 'Deployment/default/web', yaml: 'kind: Deployment\n' } },
      'kubectl create deployment web --image=nginx --dry-run=client -o yaml': { stdout: 'kind: Deployment\n' },
    });
    await shell.run('kubectl edit deploy/web');
    await shell.run('kubectl create deployment web --image=nginx --dry-run=client -o yaml > web.yaml');
    expect(opened).toEqual([{ name: 'deployment-web.yaml', yaml: 'kind: Deployment\n' }, { name: 'web.yaml', yaml: 'kind: Deployment\n' }]);
    expect(screen.text()).toContain('Opened deployment/web in the editor as deployment-web.yaml');
  });

  it('handles clear, sleep, echo, unknown commands and Ctrl+C', async () => {
    const { shell, screen, steps } = setup();
    await shell.run('echo "hello  there"');
    await shell.run('sleep 2m');
    await shell.run('ls');
    expect(steps).toEqual([120_000]);
    expect(screen.text()).toBe('$ echo "hello  there"\nhello  there\n$ sleep 2m\n$ ls\nbash: ls: command not found\n$');
    await shell.feed('kubectl get\x03');
    expect(screen.text().endsWith('$ kubectl get^C\n$')).toBe(true);
    await shell.run('clear');
    expect(screen.text()).toBe('$');
  });

  it('ends output without a newline on its own row', async () => {
    const { shell, screen } = setup({ 'kubectl get deploy web -o jsonpath={.spec.replicas}': { output: '3' } });
    await shell.run('kubectl get deploy web -o jsonpath={.spec.replicas}');
    expect(screen.text()).toBe('$ kubectl get deploy web -o jsonpath={.spec.replicas}\n3\n$');
  });
});

describe('helpers', () => {
  it('parses sleep durations and names edit tabs', () => {
    expect([parseSleep('30'), parseSleep('1.5s'), parseSleep('2m'), parseSleep('500ms'), parseSleep('x')]).toEqual([30_000, 1500, 120_000, 500, undefined]);
    expect(editFileName('Deployment/default/web')).toBe('deployment-web.yaml');
    expect(editFileName('Node/kubeplay-worker')).toBe('node-kubeplay-worker.yaml');
  });
});
