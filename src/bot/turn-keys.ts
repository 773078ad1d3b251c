/**
 * @module bot/turn-keys
 * Keys of what the turn runner and middleware put into `context.turnState`.
 */
export const CONVERSATION_KEY = Symbol('kefu.conversation');
export const RECOGNITION_KEY = Symbol('kefu.recognition');
export const HANDLED_INTENT_KEY = Symbol('kefu.handledIntent');
export const HANDOFF_KEY = Symbol('kefu.handoff');
/** The channel's `TurnGuards` for this turn, if any. */
export const GUARDS_KEY = Symbol('kefu.guards');
