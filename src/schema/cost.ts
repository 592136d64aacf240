// What the query cost limit (server/limits.ts) reads of a field, declared beside the field in
// its `extensions`. A paged field (`first`, `count`) needs nothing: its page size is its bound.

// A type, not an interface: Pothos's extensions want an index signature, which only type literals get implicitly.
export type CostExtensions = {
  /** How many times what the field selects can come back, from the field's arguments. */
  listSize?: (args: Record<string, unknown>) => number;
  /** The cost of a leaf that is as large as a list (a CSV export of the rows counted above it). */
  leafCost?: number;
  /**
   * A hierarchy's link (a theme's children): nested in itself it repeats once, since each level
   * of a tree holds no more items than the first level's bound already counted.
   */
  tree?: boolean;
};

/** `extensions` of a field whose list holds at most `size(args)` items. */
export function listSize(
  size: number | ((args: Record<string, unknown>) => number),
  options: Omit<CostExtensions, 'listSize'> = {},
): { extensions: CostExtensions } {
  return { extensions: { ...options, listSize: typeof size === 'number' ? () => size : size } };
}
