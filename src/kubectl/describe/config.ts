/**
 * `kubectl describe configmap`, `secret` and `serviceaccount`.
 */
import type { ConfigMap, Secret, ServiceAccount } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../engine';
import { printAnnotationsMultiline, printLabelsMultiline } from './common';
import { eventsOf, type DescribeContext } from './context';
import { describeEvents } from './events';
import { LEVEL_0, tabbedString } from './prefix-writer';

const SA_TOKEN_TYPE = 'kubernetes.io/service-account-token';
const SA_NAME_ANNOTATION = 'kubernetes.io/service-account.name';
const SA_UID_ANNOTATION = 'kubernetes.io/service-account.uid';

/**
 * The full describe text of a ConfigMap: every data key with its value under a `----` rule, binary keys by
 * size, events.
 * Models staging/src/k8s.io/kubectl/pkg/describe/describe.go ConfigMapDescriber.Describe.
 */
export function describeConfigMap(obj: KubeObject, ctx: DescribeContext): string {
  const cm = obj as unknown as ConfigMap;
  const events = eventsOf(ctx, obj);
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${obj.metadata.name}\n`);
    w.write(LEVEL_0, `Namespace:\t${obj.metadata.namespace ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', obj.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', obj.metadata.annotations);
    w.write(LEVEL_0, '\nData\n====\n');
    for (const k of Object.keys(cm.data ?? {}).sort()) {
      w.write(LEVEL_0, `${k}:\n----\n`);
      w.write(LEVEL_0, `${cm.data![k]}\n`);
      w.write(LEVEL_0, '\n');
    }
    w.write(LEVEL_0, '\nBinaryData\n====\n');
    for (const k of Object.keys(cm.binaryData ?? {}).sort()) {
      w.write(LEVEL_0, `${k}: ${base64DecodedLength(cm.binaryData![k]!)} bytes\n`);
    }
    w.write(LEVEL_0, '\n');
    describeEvents(events, w, ctx.nowMs);
  });
}

/**
 * The full describe text of a Secret: its type and the size of each value in bytes (the value itself only for
 * the token of a service-account token Secret, as kubectl does). Secrets get no Events section.
 * Models staging/src/k8s.io/kubectl/pkg/describe/describe.go describeSecret.
 */
export function describeSecret(obj: KubeObject, _ctx: DescribeContext): string {
  const secret = obj as unknown as Secret;
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${obj.metadata.name}\n`);
    w.write(LEVEL_0, `Namespace:\t${obj.metadata.namespace ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', obj.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', obj.metadata.annotations);
    w.write(LEVEL_0, `\nType:\t${secret.type ?? ''}\n`);
    w.write(LEVEL_0, '\nData\n====\n');
    for (const k of Object.keys(secret.data ?? {}).sort()) {
      const value = secret.data![k]!;
      if (k === 'token' && secret.type === SA_TOKEN_TYPE) w.write(LEVEL_0, `${k}:\t${base64DecodeUtf8(value)}\n`);
      else w.write(LEVEL_0, `${k}:\t${base64DecodedLength(value)} bytes\n`);
    }
  });
}

/**
 * The full describe text of a ServiceAccount: image pull secrets, mountable secrets and token Secrets (those
 * naming the account in their annotations), flagging references to missing Secrets.
 * Models staging/src/k8s.io/kubectl/pkg/describe/describe.go ServiceAccountDescriber.Describe,
 * describeServiceAccount.
 */
export function describeServiceAccount(obj: KubeObject, ctx: DescribeContext): string {
  const sa = obj as unknown as ServiceAccount;
  const secrets = ctx.list('Secret', obj.metadata.namespace) as unknown as Secret[];
  const existing = new Set(secrets.map((s) => s.metadata?.name ?? ''));
  const tokens = secrets.filter((s) => s.type === SA_TOKEN_TYPE &&
    s.metadata?.annotations?.[SA_NAME_ANNOTATION] === obj.metadata.name &&
    s.metadata?.annotations?.[SA_UID_ANNOTATION] === obj.metadata.uid);
  const missing = new Set<string>();
  for (const ref of [...(sa.secrets ?? []), ...(sa.imagePullSecrets ?? [])]) {
    if (ref.name && !existing.has(ref.name)) missing.add(ref.name);
  }
  const events = eventsOf(ctx, obj);
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${obj.metadata.name}\n`);
    w.write(LEVEL_0, `Namespace:\t${obj.metadata.namespace ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', obj.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', obj.metadata.annotations);
    const emptyHeader = '                   ';
    // Headers are padded to one width and listed in sorted order, so "Image pull secrets" comes first.
    const sections: [string, string[]][] = [
      ['Image pull secrets:', (sa.imagePullSecrets ?? []).map((s) => s.name ?? '')],
      ['Mountable secrets: ', (sa.secrets ?? []).map((s) => s.name ?? '')],
      ['Tokens:            ', tokens.map((s) => s.metadata?.name ?? '')],
    ];
    for (const [header, names] of sections) {
      if (names.length === 0) {
        w.write(LEVEL_0, `${header}\t<none>\n`);
        continue;
      }
      let prefix = header;
      for (const name of names) {
        w.write(LEVEL_0, `${prefix}\t${name}${missing.has(name) ? ' (not found)' : ''}\n`);
        prefix = emptyHeader;
      }
    }
    describeEvents(events, w, ctx.nowMs);
  });
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Number of bytes a base64 string decodes to. */
export function base64DecodedLength(b64: string): number {
  const clean = b64.replace(/[^A-Za-z0-9+/]/g, '');
  return Math.floor((clean.length * 3) / 4);
}

/** Decodes base64 text holding UTF-8 (a service-account token is ASCII). */
function base64DecodeUtf8(b64: string): string {
  const clean = b64.replace(/[^A-Za-z0-9+/]/g, '');
  const bytes: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const ch of clean) {
    buffer = (buffer << 6) | B64.indexOf(ch);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((buffer >> bits) & 0xff);
    }
  }
  return decodeUtf8(bytes);
}

function decodeUtf8(bytes: readonly number[]): string {
  let out = '';
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    const size = b < 0x80 ? 1 : b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    let cp = size === 1 ? b : b & (0xff >> (size + 1));
    for (let j = 1; j < size; j++) cp = (cp << 6) | ((bytes[i + j] ?? 0) & 0x3f);
    out += String.fromCodePoint(cp);
    i += size;
  }
  return out;
}
