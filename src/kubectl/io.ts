/** Collects a command's output, keeping stdout and stderr interleaved in the order they were written. */

export interface Chunk {
  stream: 'stdout' | 'stderr';
  text: string;
}

/** What one kubectl invocation printed and its exit code. */
export interface RunResult {
  stdout: string;
  stderr: string;
  /** stdout and stderr in the order written, as a terminal shows them. */
  output: string;
  exitCode: number;
}

/** Output sink for one command. */
export class Output {
  readonly chunks: Chunk[] = [];

  out(text: string): void {
    if (text) this.chunks.push({ stream: 'stdout', text });
  }

  err(text: string): void {
    if (text) this.chunks.push({ stream: 'stderr', text });
  }

  result(exitCode: number): RunResult {
    const pick = (s: Chunk['stream']) => this.chunks.filter((c) => c.stream === s).map((c) => c.text).join('');
    return { stdout: pick('stdout'), stderr: pick('stderr'), output: this.chunks.map((c) => c.text).join(''), exitCode };
  }
}
