/**
 * Manifest decoding with kubectl v1.34's parser (a go-yaml v2 model), client-side checks and the apiserver's
 * strict field validation, plus the Go-compatible JSON encoding kubectl uses for what it stores.
 */
export { decodeManifests, MAX_REQUEST_BYTES } from './manifests';
export type { DecodedDoc, DecodeOptions, ServerDecodeError, ValidationDirective } from './manifests';
export { strictDecode, parseQuantityError, parseRfc3339Error } from './strict';
export type { StrictDecodeResult } from './strict';
export { yamlToJson, YamlToJsonError } from './goyaml/decode';
export type { DuplicateKey, YamlDocument } from './goyaml/decode';
export { goJsonMarshal, goQuote } from './go-json';
