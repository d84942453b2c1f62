/**
 * The Secret strategy: type Opaque by default, stringData merged into base64 data (and dropped, as the v1
 * conversion does), ValidateSecret (keys, 1 MiB, per-type required keys), immutable type and `immutable` data.
 * Models pkg/apis/core/v1/defaults.go SetDefaults_Secret, pkg/apis/core/v1/conversion.go (StringData) and
 * pkg/apis/core/validation/validation.go ValidateSecret / ValidateSecretUpdate.
 */
import { type FieldError, forbiddenField, invalidValue, required } from '../field-errors';
import { registerStrategy, type Strategy } from '../strategy';
import { dedupe, immutableField, keyPath } from './common/errors';
import { semanticEqual } from './common/equality';
import { validateObjectMeta } from './common/meta';
import { configMapKeyErrors } from './common/pod-validation';
import { MAX_DATA_SIZE } from './config-map';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** UTF-8 bytes of a string. */
function utf8(text: string): number[] {
  const out: number[] = [];
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 0x3f));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 0x3f), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f));
  }
  return out;
}

/** Standard padded base64 of a string's UTF-8 bytes (what `data` holds for a `stringData` value). */
export function base64Encode(text: string): string {
  const bytes = utf8(text);
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const [a, b, c] = [bytes[i]!, bytes[i + 1], bytes[i + 2]];
    const n = (a << 16) | ((b ?? 0) << 8) | (c ?? 0);
    out += B64[(n >> 18) & 63]! + B64[(n >> 12) & 63]!;
    out += b === undefined ? '=' : B64[(n >> 6) & 63]!;
    out += c === undefined ? '=' : B64[n & 63]!;
  }
  return out;
}

/** Decoded size of a base64 string. */
function decodedLength(b64: string): number {
  const clean = b64.replace(/[\r\n]/g, '');
  const pad = clean.endsWith('==') ? 2 : clean.endsWith('=') ? 1 : 0;
  return Math.max(0, Math.floor((clean.length * 3) / 4) - pad);
}

/** The keys a Secret type must carry. */
function typeRequirements(obj: Obj, data: Obj): FieldError[] {
  const meta = obj.metadata as { annotations?: Record<string, string> };
  switch (obj.type) {
    case 'kubernetes.io/service-account-token':
      return meta.annotations?.['kubernetes.io/service-account.name'] ? [] : [required(keyPath('metadata.annotations', 'kubernetes.io/service-account.name'))];
    case 'kubernetes.io/dockercfg':
      return '.dockercfg' in data ? [] : [required(keyPath('data', '.dockercfg'))];
    case 'kubernetes.io/dockerconfigjson':
      return '.dockerconfigjson' in data ? [] : [required(keyPath('data', '.dockerconfigjson'))];
    case 'kubernetes.io/basic-auth':
      return 'username' in data || 'password' in data ? [] : [required(keyPath('data', 'username')), required(keyPath('data', 'password'))];
    case 'kubernetes.io/ssh-auth':
      return data['ssh-privatekey'] ? [] : [required(keyPath('data', 'ssh-privatekey'))];
    case 'kubernetes.io/tls':
      return [
        ...('tls.crt' in data ? [] : [required(keyPath('data', 'tls.crt'))]),
        ...('tls.key' in data ? [] : [required(keyPath('data', 'tls.key'))]),
      ];
    default:
      return [];
  }
}

/** The Secret strategy. */
export const secretStrategy: Strategy = {
  hasStatusSubresource: false,
  applyDefaults(obj) {
    if (!obj.type) obj.type = 'Opaque';
    if (isObj(obj.stringData)) {
      const data = isObj(obj.data) ? obj.data : (obj.data = {});
      for (const [k, v] of Object.entries(obj.stringData)) data[k] = base64Encode(String(v ?? ''));
      delete obj.stringData;
    }
  },
  validate(obj) {
    const errs = validateObjectMeta(obj);
    const data = isObj(obj.data) ? obj.data : {};
    let total = 0;
    for (const k of Object.keys(data).sort()) {
      errs.push(...configMapKeyErrors(k).map((m) => invalidValue(keyPath('data', k), k, m)));
      total += decodedLength(String(data[k] ?? ''));
    }
    if (total > MAX_DATA_SIZE) errs.push({ type: 'TooLong', field: 'data', detail: `may not be more than ${MAX_DATA_SIZE} bytes` });
    errs.push(...typeRequirements(obj, data));
    return dedupe(errs);
  },
  validateUpdate(obj, old) {
    const errs = immutableField(obj.type, old.type, 'type');
    if (old.immutable === true) {
      if (obj.immutable !== true) errs.push(forbiddenField('immutable', 'field is immutable when `immutable` is set'));
      if (!semanticEqual(obj.data, old.data)) errs.push(forbiddenField('data', 'field is immutable when `immutable` is set'));
    }
    return errs;
  },
};

/** Registers the Secret strategy. */
export function registerSecretStrategy(): void {
  registerStrategy('Secret', secretStrategy);
}
