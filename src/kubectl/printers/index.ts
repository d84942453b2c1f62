/**
 * The `kubectl get` output printers: tables per kind, JSONPath templates and custom columns.
 */
export { printTable, columnsFor, noResourcesMessage, labelColumnHeader, kindPrefix, escapeTerminal } from './table';
export type { TableOptions, KindColumns } from './table';
export { renderJsonPath, JsonPath, JsonPathEvalError, JsonPathParseError, printResults } from './jsonpath';
export type { JsonPathOptions } from './jsonpath';
export { renderCustomColumns, parseCustomColumnsSpec, relaxedJsonPathExpression } from './custom-columns';
export type { CustomColumn, CustomColumnsOptions } from './custom-columns';
export { tabwrite, formatRows } from './tabwriter';
export { podSummary } from './kinds/pod';
export type { PodSummary } from './kinds/pod';
export { handlerFor } from './kinds';
export type { ColumnDefinition, KindHandler, RowContext } from './kinds';
