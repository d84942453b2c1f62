/**
 * The simulated container registry: which images exist, how big they are, and what their default command does.
 * Pull times scale with size; a tag that the registry does not have fails like a real `not found`.
 * Divergence: repositories outside the catalog are assumed to exist (with a default size and a long-running
 * default command), so course material using arbitrary images keeps working; only well-known repositories
 * reject unknown tags.
 */

/** What an image's default entrypoint does when run with no command/args. */
export type DefaultBehaviour = 'server' | 'shell' | 'exit0';

/** One repository of the simulated registry. */
export interface ImageRepo {
  /** Fully-qualified name as containerd reports it (`docker.io/library/nginx`). */
  fullName: string;
  /** Which tags exist; undefined means every tag does. */
  tags?: RegExp;
  /** Compressed size in bytes, as `Successfully pulled image ... Image size: N bytes.` reports. */
  sizeBytes: number;
  behaviour: DefaultBehaviour;
  /** How long the default process takes to exit after SIGTERM (nginx quits fast; shells ignore it as PID 1). */
  stopMs: number;
}

/**
 * nginx tags: the named ones, and 1.<minor>[.<patch>][-alpine|-perl] up to the current 1.29 line. `nginx:1.91` (the
 * course's deliberate typo) is not a tag, so it fails to pull as on Docker Hub.
 */
const NGINX_TAG = /^(latest|stable|mainline|alpine|perl|stable-alpine|mainline-alpine|stable-perl|mainline-perl|1\.(?:[0-9]|1[0-9]|2[0-9])(?:\.[0-9]{1,2})?(?:-alpine|-perl|-alpine-slim)?)$/;

const CATALOG: Record<string, ImageRepo> = {
  nginx: { fullName: 'docker.io/library/nginx', tags: NGINX_TAG, sizeBytes: 72_195_292, behaviour: 'server', stopMs: 300 },
  httpd: { fullName: 'docker.io/library/httpd', sizeBytes: 58_760_144, behaviour: 'server', stopMs: 400 },
  redis: { fullName: 'docker.io/library/redis', sizeBytes: 52_395_110, behaviour: 'server', stopMs: 300 },
  busybox: { fullName: 'docker.io/library/busybox', sizeBytes: 2_155_184, behaviour: 'shell', stopMs: 0 },
  alpine: { fullName: 'docker.io/library/alpine', sizeBytes: 3_653_068, behaviour: 'shell', stopMs: 0 },
  ubuntu: { fullName: 'docker.io/library/ubuntu', sizeBytes: 29_754_422, behaviour: 'shell', stopMs: 0 },
  debian: { fullName: 'docker.io/library/debian', sizeBytes: 48_481_045, behaviour: 'shell', stopMs: 0 },
  perl: { fullName: 'docker.io/library/perl', sizeBytes: 335_209_110, behaviour: 'exit0', stopMs: 0 },
  python: { fullName: 'docker.io/library/python', sizeBytes: 412_327_405, behaviour: 'exit0', stopMs: 0 },
  node: { fullName: 'docker.io/library/node', sizeBytes: 399_123_420, behaviour: 'exit0', stopMs: 0 },
  mysql: { fullName: 'docker.io/library/mysql', sizeBytes: 170_834_223, behaviour: 'server', stopMs: 2_000 },
  postgres: { fullName: 'docker.io/library/postgres', sizeBytes: 160_224_310, behaviour: 'server', stopMs: 1_000 },
  tomcat: { fullName: 'docker.io/library/tomcat', sizeBytes: 205_010_111, behaviour: 'server', stopMs: 1_500 },
};

/** A parsed image reference. */
export interface ImageRef {
  /** As written in the pod spec (`nginx:1.14.2`). */
  raw: string;
  /** Repository path without registry for docker.io library images (`nginx`), else the full path. */
  repository: string;
  tag: string;
  digest?: string;
  /** `docker.io/library/nginx:1.14.2`, as containerd names it. */
  fullName: string;
}

/** Parses `registry/path:tag@digest`, defaulting the tag to `latest` and the registry to docker.io. */
export function parseImage(raw: string): ImageRef {
  let rest = raw;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  const slash = rest.lastIndexOf('/');
  const colon = rest.lastIndexOf(':');
  let tag = 'latest';
  if (colon > slash) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  const first = rest.split('/')[0]!;
  const hasRegistry = rest.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost');
  const full = hasRegistry ? rest : rest.includes('/') ? `docker.io/${rest}` : `docker.io/library/${rest}`;
  return { raw, repository: rest, tag, ...(digest ? { digest } : {}), fullName: `${full}:${tag}` };
}

/** The catalog entry for an image, or a generic one for repositories we do not model. */
export function lookupImage(ref: ImageRef): { repo: ImageRepo; exists: boolean } {
  const known = CATALOG[ref.repository];
  if (known) return { repo: known, exists: !known.tags || known.tags.test(ref.tag) || ref.digest !== undefined };
  const generic: ImageRepo = { fullName: ref.fullName.replace(/:[^:/]+$/, ''), sizeBytes: 48_000_000 + (hash(ref.fullName) % 90_000_000), behaviour: 'server', stopMs: 500 };
  return { repo: generic, exists: true };
}

function hash(s: string): number {
  let h = 7;
  for (let i = 0; i < s.length; i++) h = (h * 31 + s.charCodeAt(i)) >>> 0;
  return h;
}
