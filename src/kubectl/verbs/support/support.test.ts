import { describe, expect, it } from 'vitest';
import type { ParsedArgs } from '../../cli/flags';
import { klogHeader } from './klog';
import { parsePairs, splitResourcesAndPairs } from './pairs';
import { changeCauseOf } from './record';
import { renderVerbErrors } from './verb-errors';

describe('klogHeader', () => {
  it('formats severity, date, time with microseconds and the padded thread id', () => {
    expect(klogHeader('W', Date.UTC(2026, 0, 15, 9, 1, 0, 10), 'helpers.go:731')).toBe('W0115 09:01:00.010000   12345 helpers.go:731] ');
  });
});

describe('pairs', () => {
  it('splits resources from pairs and rejects a resource after a pair', () => {
    expect(splitResourcesAndPairs(['pods', 'web', 'a=b', 'c-'], 'label')).toEqual({ resources: ['pods', 'web'], pairs: ['a=b', 'c-'] });
    expect(() => splitResourcesAndPairs(['pods', 'a=b', 'web'], 'label')).toThrow('error: all resources must be specified before label changes: web');
    expect([...parsePairs(['k=v=w'], 'image', false).set]).toEqual([['k', 'v=w']]);
    expect(() => parsePairs(['k-'], 'image', false)).toThrow('error: invalid image format: k-');
  });
});

describe('changeCauseOf', () => {
  it('lists the command path, positional words, then every given flag as --name=value', () => {
    const args: ParsedArgs = {
      flags: new Map<string, string | number | boolean | string[]>([['record', true], ['namespace', 'kube-system'], ['filename', ['a.yaml', 'b.yaml']]]),
      changed: new Set(['record', 'namespace', 'filename']),
      positional: ['ds/fluentd', 'fluentd=img:v2'],
      afterDash: undefined,
    };
    expect(changeCauseOf(args, 'set image')).toBe('kubectl set image ds/fluentd fluentd=img:v2 --record=true --namespace=kube-system --filename=a.yaml --filename=b.yaml');
  });
});

describe('renderVerbErrors', () => {
  const notFound = { kind: 'Status' as const, apiVersion: 'v1' as const, status: 'Failure' as const, message: 'pods "a" not found', reason: 'NotFound' as const, code: 404 };
  it('prints one error in its standard form and several without the error: prefix', () => {
    expect(renderVerbErrors([{ kind: 'client', message: 'boom' }])).toBe('error: boom');
    expect(renderVerbErrors([{ kind: 'status', status: notFound }])).toBe('Error from server (NotFound): pods "a" not found');
    expect(renderVerbErrors([{ kind: 'client', message: 'boom' }, { kind: 'status', status: notFound }])).toBe('boom\nError from server (NotFound): pods "a" not found');
  });
});
