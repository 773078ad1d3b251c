/**
 * @module test/durability/flaky-stores
 * A store whose database "goes away" on demand: while `down(port.method)` says so, that call
 * throws the way better-sqlite3 does when the file is locked.
 */
import type { Stores } from '../../src/core/stores';

export interface FlakyStores {
  stores: Stores;
  /** Makes the matching calls fail (`'*'` = every call) until `up()`. */
  fail(...methods: string[]): void;
  up(): void;
  /** Calls that failed, as `port.method`. */
  failed: string[];
}

const PORTS = ['conversations', 'transcripts', 'state', 'shop', 'orders', 'handoffs', 'feedback'] as const;

export function flaky(inner: Stores): FlakyStores {
  let failing = new Set<string>();
  const failed: string[] = [];
  const stores = { ...inner } as unknown as Record<string, unknown>;
  for (const port of PORTS) {
    const target = inner[port] as unknown as Record<string, unknown>;
    stores[port] = new Proxy(target, {
      get(t, prop, receiver) {
        const value = Reflect.get(t, prop, receiver) as unknown;
        if (typeof value !== 'function') return value;
        const name = `${port}.${String(prop)}`;
        return async (...args: unknown[]) => {
          if (failing.has('*') || failing.has(name)) {
            failed.push(name);
            throw Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });
          }
          return (value as (...a: unknown[]) => unknown).apply(t, args);
        };
      },
    });
  }
  return {
    stores: stores as unknown as Stores,
    fail: (...methods) => {
      failing = new Set(methods);
    },
    up: () => {
      failing = new Set();
    },
    failed,
  };
}
