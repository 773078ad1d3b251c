/**
 * @module storage/stores
 * The set of store ports now lives in `core/stores`; this name stays for existing imports.
 */
export type { StaffStores, Stores } from '../core/stores';
