/**
 * @module dialogs/turn/turn-keys
 * Keys of what the turn runner and middleware put into `context.turnState`.
 */
export const CONVERSATION_KEY = Symbol('kefu.conversation');
export const RECOGNITION_KEY = Symbol('kefu.recognition');
export const HANDLED_INTENT_KEY = Symbol('kefu.handledIntent');
export const HANDOFF_KEY = Symbol('kefu.handoff');
/** The channel's `TurnGuards` for this turn, if any. */
export const GUARDS_KEY = Symbol('kefu.guards');
/** True when the shopper is angry in this turn or was in a recent one (`shopper-mood.ts`). */
export const ANGRY_KEY = Symbol('kefu.angry');
/** Set by a handler that already answered with empathy (a complaint), so none is added. */
export const EMPATHY_SHOWN_KEY = Symbol('kefu.empathyShown');
/** The words of the message a clarify button answers: handlers read them as this turn's text. */
export const CLARIFIED_TEXT_KEY = Symbol('kefu.clarifiedText');
/** The intents that clarifying question offered (set with `CLARIFIED_TEXT_KEY`). */
export const CLARIFIED_OFFER_KEY = Symbol('kefu.clarifiedOffer');
/** How this message reads in the context of the recent turns (`dialogs/context/follow-up`), for the handlers. */
export const FOLLOW_UP_KEY = Symbol('kefu.followUp');
/** The product constraints this turn's answer stands for (set by the product handlers), remembered for the next turn. */
export const SHOWN_CONSTRAINTS_KEY = Symbol('kefu.shownConstraints');
