/**
 * ConfigMaps and Secrets from `--from-literal`, `--from-file` (files and directories of the host's FileSource) and
 * `--from-env-file`, with kubectl's key checks and messages.
 * Models staging/src/k8s.io/kubectl/pkg/cmd/create/create_configmap.go, create_secret.go,
 * create_secret_docker.go, create_secret_tls.go, staging/src/k8s.io/kubectl/pkg/util/util.go
 * (ParseFileSource, ParseLiteralSource) and staging/src/k8s.io/kubectl/pkg/cmd/util/env_file.go.
 */
import type { KubeObject } from '../../../engine';
import type { FileSource } from '../../context';
import { base64String } from './bytes';
import { GeneratorError } from './errors';

export { GeneratorError };

/** The sources of one ConfigMap or Secret. */
export interface DataSources {
  literals: string[];
  files: string[];
  envFiles: string[];
}


const CONFIG_KEY = /^[-._a-zA-Z0-9]+$/;
const ENV_NAME = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;

/** Models validation.IsConfigMapKey. */
export function configKeyErrors(key: string): string[] {
  const errs: string[] = [];
  if (key.length > 253) errs.push('must be no more than 253 characters');
  if (!CONFIG_KEY.test(key)) errs.push("a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')");
  errs.push(...dotErrors(key));
  return errs;
}

/** Models validation.IsEnvVarName. */
export function envVarNameErrors(key: string): string[] {
  const errs: string[] = [];
  if (!ENV_NAME.test(key)) errs.push("a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit (e.g. 'my.env-name',  or 'MY_ENV.NAME',  or 'MyEnvName1', regex used for validation is '[-._a-zA-Z][-._a-zA-Z0-9]*')");
  errs.push(...dotErrors(key));
  return errs;
}

function dotErrors(key: string): string[] {
  if (key === '.') return ["must not be '.'"];
  if (key === '..') return ["must not be '..'"];
  if (key.startsWith('..')) return ["must not start with '..'"];
  return [];
}

/** `key=value` of --from-literal (the value may contain `=`). */
export function parseLiteralSource(source: string): [string, string] {
  const i = source.indexOf('=');
  if (i <= 0) throw new GeneratorError(`invalid literal source ${source}, expected key=value`);
  return [source.slice(0, i), source.slice(i + 1)];
}

/** `[key=]path` of --from-file; the key defaults to the file's base name. */
export function parseFileSource(source: string): [string, string] {
  const n = (source.match(/=/g) ?? []).length;
  if (n === 0) return [source.replace(/\/+$/, '').split('/').pop() ?? source, source];
  if (n === 1 && source.startsWith('=')) throw new GeneratorError(`key name for file path ${source.slice(1)} missing`);
  if (n === 1 && source.endsWith('=')) throw new GeneratorError(`file path for key name ${source.slice(0, -1)} missing`);
  if (n > 1) throw new GeneratorError("key names or file paths cannot contain '='");
  const [k, p] = source.split('=');
  return [k!, p!];
}

/** Reads every key of the sources, in kubectl's order for the kind (`add` rejects bad or duplicate keys). */
function collect(files: FileSource, sources: DataSources, order: ('literal' | 'file' | 'env')[], add: (key: string, value: string) => void, envDirError: string): void {
  for (const kind of order) {
    if (kind === 'literal') {
      for (const lit of sources.literals) {
        const [k, v] = parseLiteralSource(lit);
        add(k, v);
      }
    } else if (kind === 'file') {
      for (const src of sources.files) {
        const [key, path] = parseFileSource(src);
        const listing = files.list(path);
        if (listing) {
          if (src.includes('=')) throw new GeneratorError('cannot give a key name for a directory path');
          for (const entry of [...listing].sort()) {
            const full = `${path.replace(/\/$/, '')}/${entry}`;
            if (files.list(full)) continue;
            add(entry, files.read(full) ?? '');
          }
          continue;
        }
        const text = files.read(path);
        if (text === undefined) throw new GeneratorError(`error reading ${path}: no such file or directory`);
        add(key, text);
      }
    } else {
      for (const path of sources.envFiles) {
        if (files.list(path)) throw new GeneratorError(envDirError);
        const text = files.read(path);
        if (text === undefined) throw new GeneratorError(`error reading ${path}: no such file or directory`);
        readEnvFile(text, add);
      }
    }
  }
}

/** Models cmdutil.AddFromEnvFile / processEnvFileLine. */
function readEnvFile(text: string, add: (key: string, value: string) => void): void {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  lines.forEach((raw, i) => {
    let line = raw.replace(/\r$/, '');
    if (i === 0) line = line.replace(/^\ufeff/, '');
    line = line.replace(/^\s+/, '');
    if (line.length === 0 || line.startsWith('#')) return;
    const eq = line.indexOf('=');
    const key = eq >= 0 ? line.slice(0, eq) : line;
    const errs = envVarNameErrors(key);
    if (errs.length > 0) throw new GeneratorError(`${JSON.stringify(key)} is not a valid key name: ${errs.join(';')}`);
    // Divergence: a key without `=` takes its value from kubectl's environment, which is empty here.
    add(key, eq >= 0 ? line.slice(eq + 1) : '');
  });
}

/** The ConfigMap of `kubectl create configmap`. */
export function generateConfigMap(name: string, namespace: string | undefined, sources: DataSources, files: FileSource): KubeObject {
  if (sources.envFiles.length > 0 && (sources.files.length > 0 || sources.literals.length > 0)) {
    throw new GeneratorError('from-env-file cannot be combined with from-file or from-literal');
  }
  const data: Record<string, string> = {};
  collect(files, sources, ['file', 'literal', 'env'], (key, value) => {
    const errs = configKeyErrors(key);
    if (errs.length > 0) throw new GeneratorError(`${JSON.stringify(key)} is not a valid key name for a ConfigMap: ${errs.join(',')}`);
    if (key in data) throw new GeneratorError(`cannot add key ${JSON.stringify(key)}, another key by that name already exists in Data for ConfigMap ${JSON.stringify(name)}`);
    data[key] = value;
  }, 'env config file cannot be a directory');
  return {
    kind: 'ConfigMap',
    apiVersion: 'v1',
    metadata: { name, ...(namespace ? { namespace } : {}) },
    ...(Object.keys(data).length > 0 ? { data } : {}),
  };
}

/** The Secret of `kubectl create secret generic` (values base64-encoded as JSON writes `[]byte`). */
export function generateGenericSecret(name: string, namespace: string | undefined, type: string, sources: DataSources, files: FileSource): KubeObject {
  if (sources.envFiles.length > 0 && (sources.files.length > 0 || sources.literals.length > 0)) {
    throw new GeneratorError('from-env-file cannot be combined with from-file or from-literal');
  }
  const data: Record<string, string> = {};
  collect(files, sources, ['literal', 'file', 'env'], (key, value) => {
    const errs = configKeyErrors(key);
    if (errs.length > 0) throw new GeneratorError(`${JSON.stringify(key)} is not valid key name for a Secret ${errs.join(';')}`);
    if (key in data) throw new GeneratorError(`cannot add key ${key}, another key by that name already exists`);
    data[key] = base64String(value);
  }, 'env secret file cannot be a directory');
  return secretObject(name, namespace, type, data);
}

function secretObject(name: string, namespace: string | undefined, type: string, data: Record<string, string>): KubeObject {
  return {
    kind: 'Secret',
    apiVersion: 'v1',
    metadata: { name, ...(namespace ? { namespace } : {}) },
    ...(Object.keys(data).length > 0 ? { data } : {}),
    ...(type ? { type } : {}),
  };
}

/** Options of `kubectl create secret docker-registry`. */
export interface DockerRegistryOptions {
  username: string;
  password: string;
  email: string;
  server: string;
  fromFiles: string[];
}

/** The Secret of `kubectl create secret docker-registry` (a `.dockerconfigjson`). */
export function generateDockerRegistrySecret(name: string, namespace: string | undefined, o: DockerRegistryOptions, files: FileSource): KubeObject {
  if (o.fromFiles.length > 0) {
    const data: Record<string, string> = {};
    collect(files, { literals: [], files: o.fromFiles, envFiles: [] }, ['file'], (key, value) => {
      if (key in data) throw new GeneratorError(`cannot add key ${key}, another key by that name already exists`);
      data[key] = base64String(value);
    }, '');
    return secretObject(name, namespace, 'kubernetes.io/dockerconfigjson', data);
  }
  // Models handleDockerCfgJSONContent: struct order username, password, email, auth; empty fields omitted.
  const entry: Record<string, string> = {};
  if (o.username) entry.username = o.username;
  if (o.password) entry.password = o.password;
  if (o.email) entry.email = o.email;
  entry.auth = base64String(`${o.username}:${o.password}`);
  const json = JSON.stringify({ auths: { [o.server]: entry } });
  return secretObject(name, namespace, 'kubernetes.io/dockerconfigjson', { '.dockerconfigjson': base64String(goJsonEscape(json)) });
}

/** Go's encoding/json escapes `<`, `>` and `&` in strings. */
function goJsonEscape(json: string): string {
  return json.replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
}

/** The Secret of `kubectl create secret tls` from PEM files. */
export function generateTlsSecret(name: string, namespace: string | undefined, certPath: string, keyPath: string, files: FileSource): KubeObject {
  const cert = files.read(certPath);
  if (cert === undefined) throw new GeneratorError(`Cannot read file ${certPath}, open ${certPath}: no such file or directory`);
  const key = files.read(keyPath);
  if (key === undefined) throw new GeneratorError(`Cannot read file ${keyPath}, open ${keyPath}: no such file or directory`);
  // Divergence: tls.X509KeyPair checks the key matches the certificate; only the PEM blocks are checked here.
  if (!/-----BEGIN [A-Z ]*CERTIFICATE-----/.test(cert)) throw new GeneratorError('tls: failed to find any PEM data in certificate input');
  if (!/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(key)) throw new GeneratorError('tls: failed to find any PEM data in key input');
  return secretObject(name, namespace, 'kubernetes.io/tls', { 'tls.crt': base64String(cert), 'tls.key': base64String(key) });
}
