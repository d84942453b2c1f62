import { describe, expect, it } from 'vitest';
import { piDigits, programFor } from './program';

describe('programFor', () => {
  it('runs a server image with no command forever', () => {
    expect(programFor('server', undefined, undefined)).toEqual({ runsForMs: Infinity, exitCode: 0, logs: [] });
  });

  it('exits a shell image with no command at once with status 0', () => {
    expect(programFor('shell', undefined, [])).toEqual({ runsForMs: 50, exitCode: 0, logs: [] });
  });

  it.each<[string, string[] | undefined, string[] | undefined, { runsForMs: number; exitCode: number; logs: string[] }]>([
    ['sleep N', ['sleep', '5'], undefined, { runsForMs: 5_000, exitCode: 0, logs: [] }],
    ['command and args', ['sleep'], ['3600'], { runsForMs: 3_600_000, exitCode: 0, logs: [] }],
    ['sleep infinity', ['sleep', 'infinity'], undefined, { runsForMs: Infinity, exitCode: 0, logs: [] }],
    ['sh -c with echo and exit', ['sh', '-c', 'echo hello; exit 1'], undefined, { runsForMs: 10, exitCode: 1, logs: ['hello'] }],
    ['/bin/sh -c with && short-circuit', ['/bin/sh', '-c', 'false && echo no || echo yes'], undefined, { runsForMs: 20, exitCode: 0, logs: ['yes'] }],
    ['quoted echo args', ['echo', 'hello world'], undefined, { runsForMs: 20, exitCode: 0, logs: ['hello world'] }],
    ['false', ['false'], undefined, { runsForMs: 20, exitCode: 1, logs: [] }],
    ['while-true log loop', ['sh', '-c', 'while true; do echo "tick"; sleep 1; done'], undefined, { runsForMs: Infinity, exitCode: 0, logs: ['tick'] }],
    ['date then sleep', ['sh', '-c', 'date; echo Hello from the Kubernetes cluster'], undefined, { runsForMs: 20, exitCode: 0, logs: ['$(date)', 'Hello from the Kubernetes cluster'] }],
    ['unknown binary', ['nginx', '-g', 'daemon off;'], undefined, { runsForMs: Infinity, exitCode: 0, logs: [] }],
  ])('%s', (_name, command, args, expected) => {
    expect(programFor('shell', command, args)).toEqual(expected);
  });

  it('prints π for the perl Job example and takes a few seconds', () => {
    const p = programFor('exit0', ['perl', '-Mbignum=bpi', '-wle', 'print bpi(20)'], undefined);
    expect(p).toEqual({ runsForMs: 2_040, exitCode: 0, logs: ['3.1415926535897932385'] });
  });
});

describe('piDigits', () => {
  it('rounds to n significant digits, as bpi(n) prints', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8].map(piDigits)).toEqual(['3', '3.1', '3.14', '3.142', '3.1416', '3.14159', '3.141593', '3.1415927']);
    expect(piDigits(30)).toBe('3.14159265358979323846264338328');
  });

  it('gives the 2001 characters of bpi(2000), ending in ...275901', () => {
    const pi = piDigits(2000);
    expect(pi).toHaveLength(2001);
    expect(pi.startsWith('3.14159265358979323846264338327950288419716939937510')).toBe(true);
    expect(pi.endsWith('4780275901')).toBe(true);
  });
});
