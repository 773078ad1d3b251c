/** @module core — domain types and ports; no I/O. */
export * from './shop';
export * from './nlu';
export * from './conversation';
export * from './conversation-search';
export * from './orders';
export * from './shop-repository';
export * from './staff';
export * from './turn-runner';
export * from './turn-store';
export * from './conversation-state-keys';
/** The set of store ports one adapter provides. */
export * from './stores';
