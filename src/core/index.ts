/** @module core — domain types and ports; no I/O. */
export * from './shop';
export * from './nlu';
export * from './conversation';
export * from './orders';
export * from './shop-repository';
export * from './turn-runner';
export * from './conversation-state-keys';
