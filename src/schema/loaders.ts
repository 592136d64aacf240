import DataLoader from 'dataloader';
import type { Context } from './context.js';

const loadersByContext = new WeakMap<Context, Map<string, DataLoader<string, unknown>>>();

/**
 * A DataLoader that lives as long as the request's context: every parent of one field (and
 * one set of arguments, part of `name`) is fetched in one batch, so statements grow with the
 * depth of a query, not with the size of its pages.
 */
export function batchLoader<Value>(context: Context, name: string, load: (keys: readonly string[]) => Promise<Value[]>): DataLoader<string, Value> {
  let loaders = loadersByContext.get(context);
  if (!loaders) {
    loaders = new Map();
    loadersByContext.set(context, loaders);
  }
  let loader = loaders.get(name) as DataLoader<string, Value> | undefined;
  if (!loader) {
    loader = new DataLoader<string, Value>(async (keys) => load(keys));
    loaders.set(name, loader as DataLoader<string, unknown>);
  }
  return loader;
}

/**
 * A batchLoader of rows by id: each id gets its row, or null when `load` left it out (missing,
 * or not readable by the viewer).
 */
export function rowsByIdLoader<Row extends { id: string }>(context: Context, name: string, load: (ids: readonly string[]) => Promise<Row[]>): DataLoader<string, Row | null> {
  return batchLoader(context, name, async (ids) => {
    const rows = await load(ids);
    return ids.map((id) => rows.find((row) => row.id === id) ?? null);
  });
}
