/**
 * The shape of a per-kind table handler: column definitions plus a function that turns one object into cells.
 * Models the server-side table of pkg/printers (TableColumnDefinition, TableRow): rows always carry every cell,
 * wide ones included, because the apiserver generates tables with Wide=true and the client drops priority-1
 * columns unless `-o wide` was asked for.
 */
import type { KubeObject } from '../../../engine';

/** One column of a kind's table. */
export interface ColumnDefinition {
  /** Header text as printed (kubectl upper-cases column names). */
  name: string;
  /** 1 for columns shown only with `-o wide`. */
  priority: 0 | 1;
  /** The column whose cells get the `kind/` prefix when several types are printed (Format "name"). */
  isName?: boolean;
}

/** What a row function may read besides the object. */
export interface RowContext {
  /** Virtual time of the print, in milliseconds since the epoch (for AGE and other durations). */
  nowMs: number;
}

/** Prints one kind (or several kinds sharing columns) as a table. */
export interface KindHandler {
  kinds: readonly string[];
  columns: readonly ColumnDefinition[];
  /** Every cell of the object's row, one per column definition, wide ones included. */
  row(obj: KubeObject, ctx: RowContext): string[];
}

/** A normal column. */
export function col(name: string): ColumnDefinition {
  return { name, priority: 0 };
}

/** A column shown only with `-o wide`. */
export function wideCol(name: string): ColumnDefinition {
  return { name, priority: 1 };
}

/** The NAME column (Format "name"). */
export const NAME_COLUMN: ColumnDefinition = { name: 'NAME', priority: 0, isName: true };

/** The AGE column. */
export const AGE_COLUMN: ColumnDefinition = col('AGE');

/** Narrows a stored object to its kubernetes-types shape (fields are read defensively). */
export function as<T>(obj: KubeObject): T {
  return obj as unknown as T;
}
