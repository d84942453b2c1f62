import { describe, expect, it } from 'vitest';
import { lookupImage, parseImage } from './images';

describe('parseImage', () => {
  it.each([
    ['nginx', 'nginx', 'latest', 'docker.io/library/nginx:latest'],
    ['nginx:1.25', 'nginx', '1.25', 'docker.io/library/nginx:1.25'],
    ['bitnami/redis:7.2', 'bitnami/redis', '7.2', 'docker.io/bitnami/redis:7.2'],
    ['registry.k8s.io/pause:3.10.1', 'registry.k8s.io/pause', '3.10.1', 'registry.k8s.io/pause:3.10.1'],
    ['localhost/app', 'localhost/app', 'latest', 'localhost/app:latest'],
    ['registry.local:5000/team/app', 'registry.local:5000/team/app', 'latest', 'registry.local:5000/team/app:latest'],
    ['registry.local:5000/app:v2', 'registry.local:5000/app', 'v2', 'registry.local:5000/app:v2'],
  ])('%s', (raw, repository, tag, fullName) => {
    expect(parseImage(raw)).toEqual({ raw, repository, tag, fullName });
  });

  it('keeps a digest', () => {
    expect(parseImage('nginx@sha256:abc')).toEqual({ raw: 'nginx@sha256:abc', repository: 'nginx', tag: 'latest', digest: 'sha256:abc', fullName: 'docker.io/library/nginx:latest' });
  });
});

describe('lookupImage', () => {
  it('knows which tags of a catalog repository exist', () => {
    expect(lookupImage(parseImage('nginx:1.27')).exists).toBe(true);
    expect(lookupImage(parseImage('nginx:1.91')).exists).toBe(false);
    expect(lookupImage(parseImage('nginx@sha256:0123')).exists).toBe(true);
    expect(lookupImage(parseImage('busybox:anything')).exists).toBe(true);
  });

  it('describes default processes: nginx serves, busybox is a shell', () => {
    expect(lookupImage(parseImage('nginx')).repo).toMatchObject({ fullName: 'docker.io/library/nginx', behaviour: 'server', sizeBytes: 72_195_292 });
    expect(lookupImage(parseImage('busybox')).repo.behaviour).toBe('shell');
  });

  it('treats unknown repositories as existing long-running servers with a stable size', () => {
    const a = lookupImage(parseImage('example.com/team/app:v1'));
    expect(a.exists).toBe(true);
    expect(a.repo.behaviour).toBe('server');
    expect(a.repo.fullName).toBe('example.com/team/app');
    expect(lookupImage(parseImage('example.com/team/app:v1')).repo.sizeBytes).toBe(a.repo.sizeBytes);
  });
});
