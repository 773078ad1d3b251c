/**
 * @module chat/json-bounds
 * How deep and how large a parsed JSON value is, measured with an explicit stack: `JSON.parse`
 * reads any nesting, but everything recursive after it (`JSON.stringify`, a clone, a store's
 * serialiser) overflows the call stack on a value nested a few thousand deep, which would surface
 * as an internal error. Clients' values are measured here first and refused when out of bounds.
 */

export interface JsonBounds {
  /** Arrays and objects inside one another, the outermost counting 1. */
  maxDepth: number;
  /** Values in all (each array, object, string, number…); the walk stops once past it. */
  maxNodes: number;
}

export type JsonBoundsVerdict = 'ok' | 'tooDeep' | 'tooLarge';

/**
 * Walks `value` without recursion, stopping at the first bound it crosses.
 * @example jsonWithin(JSON.parse('[[[1]]]'), { maxDepth: 2, maxNodes: 100 }) // 'tooDeep'
 */
export function jsonWithin(value: unknown, bounds: JsonBounds): JsonBoundsVerdict {
  const stack: { value: unknown; depth: number }[] = [{ value, depth: 1 }];
  let nodes = 0;
  while (stack.length > 0) {
    const next = stack.pop()!;
    if (++nodes > bounds.maxNodes) return 'tooLarge';
    if (typeof next.value !== 'object' || next.value === null) continue;
    if (next.depth > bounds.maxDepth) return 'tooDeep';
    const children = Array.isArray(next.value) ? next.value : Object.values(next.value);
    for (const child of children) stack.push({ value: child, depth: next.depth + 1 });
  }
  return 'ok';
}
