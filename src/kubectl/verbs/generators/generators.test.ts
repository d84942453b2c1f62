import { describe, expect, it } from 'vitest';
import { base64String } from './bytes';
import { configKeyErrors, generateConfigMap, GeneratorError, parseFileSource, parseLiteralSource } from './config-data';
import { generateExposeService, parseLabelList, parseTcpPort } from './services';
import { containerNameForImage, generateDeployment } from './workloads';
import { parseResourceList } from './cluster-objects';

describe('bytes', () => {
  it('base64-encodes UTF-8 with padding', () => {
    expect(base64String('admin')).toBe('YWRtaW4=');
    expect(base64String('ab')).toBe('YWI=');
    expect(base64String('é')).toBe('w6k=');
    expect(base64String('')).toBe('');
  });
});

describe('config data sources', () => {
  it('parses literal and file sources with kubectl messages', () => {
    expect(parseLiteralSource('k=v=w')).toEqual(['k', 'v=w']);
    expect(() => parseLiteralSource('=v')).toThrow('invalid literal source =v, expected key=value');
    expect(parseFileSource('dir/app.properties')).toEqual(['app.properties', 'dir/app.properties']);
    expect(parseFileSource('key=dir/file')).toEqual(['key', 'dir/file']);
    expect(() => parseFileSource('=file')).toThrow('key name for file path file missing');
    expect(() => parseFileSource('a=b=c')).toThrow("key names or file paths cannot contain '='");
  });

  it('checks ConfigMap keys', () => {
    expect(configKeyErrors('good.key_1')).toEqual([]);
    expect(configKeyErrors('..x')).toEqual(["must not start with '..'"]);
    expect(configKeyErrors('a b')[0]).toContain('a valid config key must consist of alphanumeric characters');
  });

  it('refuses to mix env files with other sources', () => {
    const files = { read: () => undefined, list: () => undefined };
    expect(() => generateConfigMap('c', undefined, { literals: ['a=b'], files: [], envFiles: ['x.env'] }, files)).toThrow(GeneratorError);
  });
});

describe('services', () => {
  it('parses --tcp port pairs', () => {
    expect(parseTcpPort('80')).toEqual({ port: 80, targetPort: 80 });
    expect(parseTcpPort('80:http')).toEqual({ port: 80, targetPort: 'http' });
    expect(() => parseTcpPort('80:0')).toThrow('must be between 1 and 65535, inclusive');
    expect(() => parseTcpPort('70000')).toThrow('strconv.ParseUint: parsing "70000": value out of range');
  });

  it('parses label lists', () => {
    expect(parseLabelList('a=b,c=d')).toEqual({ a: 'b', c: 'd' });
    expect(() => parseLabelList('a')).toThrow('unexpected label spec: a');
    expect(() => parseLabelList('=b')).toThrow('unexpected empty label key');
  });

  it('splits a port exposed over two protocols', () => {
    const svc = generateExposeService({
      name: 'dns', selector: { app: 'dns' }, ports: ['53'], protocol: '', protocols: new Map([['53', ['UDP', 'TCP']]]),
      targetPort: '', type: '', externalIP: '', loadBalancerIP: '', sessionAffinity: '', clusterIP: '',
    });
    expect((svc.spec as { ports: unknown[] }).ports).toEqual([
      { name: 'port-1-udp', protocol: 'UDP', port: 53, targetPort: 53 },
      { name: 'port-1-tcp', protocol: 'TCP', port: 53, targetPort: 53 },
    ]);
  });
});

describe('workloads', () => {
  it('derives container names from images, sanitizing dots and underscores with a suffix', () => {
    expect(containerNameForImage('registry.k8s.io/pause:3.10', () => 'xxxxx')).toBe('pause');
    expect(containerNameForImage('busybox@sha256:abc', () => 'xxxxx')).toBe('busybox');
    expect(containerNameForImage('my_app.v2', () => 'b2c4d')).toBe('my-app-v2-b2c4d');
  });

  it('writes the Deployment in Go struct field order for JSON output', () => {
    const d = generateDeployment({ name: 'web', images: ['nginx'], containerNames: ['nginx'], replicas: 1, port: -1, command: [] });
    expect(Object.keys(d)).toEqual(['kind', 'apiVersion', 'metadata', 'spec', 'status']);
    expect(Object.keys(d.spec as object)).toEqual(['replicas', 'selector', 'template', 'strategy']);
  });
});

describe('resource lists', () => {
  it('canonicalizes quantities and reports bad ones', () => {
    expect(parseResourceList('cpu=0.5,memory=1024Mi')).toEqual({ cpu: '500m', memory: '1Gi' });
    expect(parseResourceList('')).toBeUndefined();
    expect(() => parseResourceList('cpu=lots')).toThrow("quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'");
  });
});
