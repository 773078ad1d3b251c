/**
 * @module app-context
 * What a feature (the staff console, each messaging channel) gets from the composition root,
 * and what it gives back: its HTTP routes and how to shut it down.
 */
import type { Server } from 'socket.io';
import type { ChatService } from './chat/chat-service';
import type { KefuConfig } from './config';
import type { Responses } from './domain/responses';
import type { Route } from './http/router';
import type { Stores } from './core/stores';

export interface AppContext {
  config: KefuConfig;
  stores: Stores;
  chat: ChatService;
  io: Server;
  /** Rooms span processes or machines (a cluster worker, or MongoDB's adapter): a room empty here may have members elsewhere. */
  roomsShared: boolean;
  /** The shop's texts (its `dialogs/` over the built-in ones), read once: the same instance the bot and the chat service speak with. */
  responses: Responses;
}

export interface Feature {
  routes: Route[];
  close?(): Promise<void>;
}
