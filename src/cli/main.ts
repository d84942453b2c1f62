/**
 * `kubeplay` — the headless CLI. `kubeplay run <script> [--seed N] [--config cluster.yaml]` prints a transcript;
 * `kubeplay` alone opens an interactive prompt on a fresh cluster.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { parse as parseYaml } from 'yaml';
import { createCluster, ClusterConfigError, DEFAULT_SEED, type ClusterConfig, type Cluster } from '../engine';
import { Session, parseScript, ScriptError } from '../kubectl';
import { nodeFiles } from './node-files';

const USAGE = `Usage:
  kubeplay run <script> [--seed N] [--config cluster.yaml]   run a session script, print its transcript
  kubeplay [--seed N] [--config cluster.yaml]                interactive prompt

Script lines: kubectl … | k … | sleep <duration> | echo … | cat <file> | # comment, heredocs, > file.
`;

interface CliArgs {
  script?: string;
  seed: number;
  config?: string;
}

function parseArgs(argv: string[]): CliArgs | string {
  const out: CliArgs = { seed: DEFAULT_SEED };
  const rest = [...argv];
  while (rest.length > 0) {
    const a = rest.shift()!;
    if (a === '--help' || a === '-h') return USAGE;
    if (a === '--seed' || a.startsWith('--seed=')) {
      const v = a.includes('=') ? a.slice(7) : rest.shift();
      if (!v || !/^\d+$/.test(v)) return `kubeplay: --seed needs a non-negative integer\n${USAGE}`;
      out.seed = Number(v);
    } else if (a === '--config' || a.startsWith('--config=')) {
      const v = a.includes('=') ? a.slice(9) : rest.shift();
      if (!v) return `kubeplay: --config needs a file\n${USAGE}`;
      out.config = v;
    } else if (a === 'run') {
      const s = rest.shift();
      if (!s) return `kubeplay: run needs a script file\n${USAGE}`;
      out.script = s;
    } else return `kubeplay: unknown argument "${a}"\n${USAGE}`;
  }
  return out;
}

function loadConfig(path: string): ClusterConfig {
  const text = readFileSync(path, 'utf8');
  return parseYaml(text) as ClusterConfig;
}

function makeCluster(args: CliArgs): Cluster {
  return createCluster({ seed: args.seed, ...(args.config ? { config: loadConfig(args.config) } : {}) });
}

function main(): number {
  const argv = process.argv.slice(2);
  const argsGiven = { seed: argv.some((a) => a.startsWith('--seed')), config: argv.some((a) => a.startsWith('--config')) };
  const args = parseArgs(argv);
  if (typeof args === 'string') {
    const isHelp = args === USAGE;
    (isHelp ? process.stdout : process.stderr).write(args);
    return isHelp ? 0 : 2;
  }
  let cluster: Cluster;
  try {
    cluster = makeCluster(args);
  } catch (e) {
    if (e instanceof ClusterConfigError || (e as NodeJS.ErrnoException).code === 'ENOENT') {
      process.stderr.write(`kubeplay: ${(e as Error).message}\n`);
      return 2;
    }
    throw e;
  }
  if (args.script) {
    let text: string;
    try {
      text = readFileSync(args.script, 'utf8');
    } catch (e) {
      process.stderr.write(`kubeplay: cannot read ${args.script}: ${(e as Error).message}\n`);
      return 2;
    }
    // A script may name its own seed and cluster (`# seed: 4`, `# config: cluster.yaml`); flags win.
    const seedHeader = /^# seed: (\d+)$/m.exec(text)?.[1];
    const configHeader = /^# config: (\S+)$/m.exec(text)?.[1];
    if ((seedHeader && !argsGiven.seed) || (configHeader && !argsGiven.config)) {
      cluster = makeCluster({
        ...args,
        ...(seedHeader && !argsGiven.seed ? { seed: Number(seedHeader) } : {}),
        ...(configHeader && !argsGiven.config ? { config: resolve(dirname(resolve(args.script)), configHeader) } : {}),
      });
    }
    const session = new Session(cluster, nodeFiles(dirname(resolve(args.script))));
    try {
      for (const step of parseScript(text)) process.stdout.write(session.runStep(step));
    } catch (e) {
      if (e instanceof ScriptError) {
        process.stderr.write(`kubeplay: ${args.script}: ${e.message}\n`);
        return 2;
      }
      throw e;
    }
    return 0;
  }
  repl(new Session(cluster, nodeFiles(process.cwd())));
  return 0;
}

/** The interactive prompt: one command per line; heredocs are collected until their terminator. */
function repl(session: Session): void {
  const rl = createInterface({ input: process.stdin, output: process.stdout, prompt: '$ ' });
  process.stdout.write(`KubePlay — a simulated Kubernetes ${'v1.34'} cluster (${session.cluster.nodes.length} nodes). Type kubectl commands, "sleep 30" to let time pass, "exit" to leave.\n`);
  let pending: string[] = [];
  let terminator: string | undefined;
  rl.prompt();
  rl.on('line', (line) => {
    if (terminator !== undefined) {
      pending.push(line);
      if (line.trim() === terminator) {
        runText(pending.join('\n'));
        pending = [];
        terminator = undefined;
        rl.setPrompt('$ ');
      }
      rl.prompt();
      return;
    }
    if (line.trim() === 'exit' || line.trim() === 'quit') {
      rl.close();
      return;
    }
    const here = /<<-?\s*['"]?([A-Za-z_][A-Za-z0-9_]*)/.exec(line);
    if (here) {
      pending = [line];
      terminator = here[1];
      rl.setPrompt('> ');
      rl.prompt();
      return;
    }
    runText(line);
    rl.prompt();
  });
  function runText(text: string): void {
    try {
      for (const step of parseScript(text)) {
        if (step.isComment) continue;
        const r = session.exec(step.line, step.stdin);
        if (step.redirect) {
          session.files.write(step.redirect, r.stdout);
          process.stdout.write(r.stderr);
        } else process.stdout.write(r.output);
      }
    } catch (e) {
      process.stdout.write(`${(e as Error).message}\n`);
    }
  }
}

process.exitCode = main();
