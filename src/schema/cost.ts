// What the query cost limit (server/limits.ts) reads of a field, declared beside the field in
// its `extensions`. A paged field (`first`, `count`) needs nothing: its page size is its bound.

// A type, not an interface: Pothos's extensions want an index signature, which only type literals get implicitly.
export type CostExtensions = {
  /** How many times what the field selects can come back, from the field's arguments. */
  listSize?: (args: Record<string, unknown>) => number;
  /**
   * What the field itself costs, instead of 1 for an object and 0 for a leaf: a CSV export as
   * large as the rows counted above it, a statistics query by the daily rollup rows it reads.
   */
  ownCost?: number | ((args: Record<string, unknown>) => number);
  /**
   * A hierarchy's link (a theme's children) holding at most this many items in all: nested
   * directly in itself, its levels below one item never count more than that.
   */
  hierarchySize?: number;
};

/** `extensions` of a field whose list holds at most `size(args)` items. */
export function listSize(
  size: number | ((args: Record<string, unknown>) => number),
  options: Omit<CostExtensions, 'listSize'> = {},
): { extensions: CostExtensions } {
  return { extensions: { ...options, listSize: typeof size === 'number' ? () => size : size } };
}
