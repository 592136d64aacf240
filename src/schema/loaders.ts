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
