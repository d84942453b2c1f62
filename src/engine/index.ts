/**
 * The engine's public API. Code outside src/engine imports only from here.
 */
export * from './api';
export type { ApiStatus, StatusCause, Result } from './apiserver/status';
export type { WatchEvent, WatchHandler, ListOptions, FieldRequirement, DeleteOptions, WriteOptions } from './apiserver/apiserver';
export { ApiServer, fieldValue } from './apiserver/apiserver';
