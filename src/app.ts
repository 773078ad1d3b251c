/**
 * @module app
 * The composition root: picks the store, imports the demo shop into an empty one, builds the
 * NLU, services and bot, and wires the HTTP + socket.io server. Only this file (and the CLI)
 * import concrete adapters.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { BotbuilderTurnRunner } from './bot/botbuilder-turn-runner';
import { KefuBot } from './bot/kefu-bot';
import type { AppContext, Feature } from './app-context';
import { attachBotFramework } from './channels/botframework';
import { attachChatNamespace } from './channels/socketio/chat-namespace';
import { CHAT_NAMESPACE } from './channels/socketio/events';
import { LiveCatalogue } from './catalogue/live-catalogue';
import { recognizerInput } from './catalogue/recognizer-input';
import { ChatService } from './chat/chat-service';
import type { TurnOrder } from './core/turn-queue';
import type { KefuConfig } from './config';
import { createNotCarriedDetector } from './dialogs/not-carried';
import { OrderIdPattern } from './dialogs/order/order-id-pattern';
import { Responses } from './domain/responses';
import { CategoryNames } from './services/catalog/category-names';
import { staffHoursOf } from './dialogs/staff-hours';
import { checkResponseKeys, loadDomain } from './domain/load-domain';
import type { Domain } from './domain/types';
import { attachWebhook } from './channels/webhook';
import { attachWechat } from './channels/wechat';
import { createHttpHandler } from './http/http-handler';
import { Router } from './http/router';
import { demoOrdersRoute } from './http/demo-orders-route';
import { shopInfoRoute } from './http/shop-info-route';
import { widgetTextKeys, widgetTextsRoute } from './http/widget-texts-route';
import { shopResponses } from './channels/shop-responses';
import { importShopFolder } from './import/import-shop';
import { shopContent } from './shop-folder/shop-content';
import { createLogger } from './log';
import { buildShopLexicon, KefuTextAnalyzer, loadOrTrainModel, type NluEngine } from './nlp';
import { shippedSentimentAnalyzer } from './nlp/sentiment/analyze-sentiment';
import { ANGER_THRESHOLD } from './nlp/sentiment/anger-score';
import { DEFAULT_CLARIFY_RULE } from './nlp/clarify-rule';
import { ClarificationAnnotations } from './staff/clarification-annotations';
import { ProductMatcher } from './services/catalog/product-matcher';
import { FaqRetriever } from './services/faq/faq-retriever';
import { ItemToItemRecommender } from './services/recommender/recommender';
import { attachStaff } from './staff';
import { attachRetrain } from './staff/retrain-feature';
import { acceptedExamples } from './staff/accepted-examples';
import { recordTraining } from './staff/record-training';
import { openStores } from './storage/open-stores';
import type { Stores } from './core/stores';

const log = createLogger('kefu:app');

export interface KefuServer {
  port: number;
  url: string;
  stores: Stores;
  /** The chat pipeline (tests push agents' messages through it, as the console does). */
  chat: ChatService;
  close(): Promise<void>;
}

/** Imports the shop's `knowledge/` (the demo shop's by default) when nothing was ever imported (first start on an empty data dir). */
export async function ensureShopData(config: KefuConfig, stores: Stores): Promise<void> {
  if (!config.importDemoWhenEmpty || (await stores.shop.hasData())) return;
  const { knowledgeDir } = shopContent(config);
  const summary = await importShopFolder(knowledgeDir, stores.shop);
  log.info('imported the shop from %s: %s', knowledgeDir, JSON.stringify(summary));
}

/** Builds the bot and its services from the store's shop data. */
export async function buildBot(config: KefuConfig, stores: Stores, domain = loadDomain(shopContent(config).domainFiles)): Promise<KefuBot> {
  const content = shopContent(config);
  const shop = await stores.shop.loadShop();
  const lexicon = buildShopLexicon(shop.products, shop);
  // Staff's accepted annotations are trained beside the corpus; a server start that trained records the run.
  const extraExamples = await acceptedExamples(stores.staff.annotations);
  let trained: NluEngine | undefined;
  // The same input as a retrain in a worker thread (`catalogue/`), so this finds the model it trained;
  // the corpus may use every intent of the shop's domain (a shop folder can add some).
  const input = recognizerInput(config, shop, extraExamples, domain);
  const recognizer = loadOrTrainModel({ ...input, onTrained: (engine) => (trained = engine) });
  if (trained) await recordTraining(trained, { intents: input.intents, intentNames: input.intentNames, modelDir: config.modelDir, acceptedAnnotations: extraExamples.length });
  const analyzer = new KefuTextAnalyzer();
  const responses = Responses.load(content.dialogFiles);
  checkResponseKeys(domain, responses);
  // The sentiment model is read here, once (not on the first shopper's turn).
  const sentiment = shippedSentimentAnalyzer();
  // Each recognition carries its sentiment, scored on the tokens it was read into (one reading per message).
  recognizer.scoreSentimentWith(sentiment.scoreTokenized);
  return new KefuBot({
    recognizer,
    sentiment: { analyze: (text, locale) => sentiment.analyze(text, locale), angerThreshold: ANGER_THRESHOLD },
    storage: stores.state,
    services: {
      responses,
      orders: stores.orders,
      handoffs: stores.handoffs,
      products: new Map(shop.products.map((p) => [p.id, p])),
      faq: new FaqRetriever(shop.faq, analyzer),
      faqs: shop.faq,
      analyzer,
      matcher: new ProductMatcher(shop.products, analyzer),
      recommender: new ItemToItemRecommender(shop.events, shop.products),
      notCarried: createNotCarriedDetector(lexicon),
      categoryNames: new CategoryNames(shop.categories),
      orderIds: OrderIdPattern.learn(await stores.orders.sampleIds(500)),
      verificationIdleMs: config.verificationIdleMinutes * 60_000,
      clarify: { ...DEFAULT_CLARIFY_RULE, margin: config.clarifyMargin ?? domain.thresholds.clarifyMargin, minSecond: domain.thresholds.clarifyMinSecond },
      clarifications: new ClarificationAnnotations({ transcripts: stores.transcripts, annotations: stores.staff.annotations }),
      staffHours: staffHoursOf(domain, config.staffHoursFile).withTexts(responses),
      domain,
    },
  });
}

export async function buildChat(config: KefuConfig, stores: Stores, turnOrder?: TurnOrder, domain?: Domain): Promise<ChatService> {
  return new ChatService(stores, new BotbuilderTurnRunner(await buildBot(config, stores, domain), shopResponses(config)), turnOrder, shopResponses(config));
}

/** How a worker of `kefu serve --workers N` (`cluster/`), or one process sharing rooms across machines (MongoDB), starts its server. */
export interface WorkerHooks {
  /** Sets the socket.io adapter and takes connections from the primary (which owns the port). */
  attach(io: Server): void;
  /** Orders the turns of one conversation across the workers. */
  turnOrder: TurnOrder;
  /** Whether this worker answers the unanswered messages at start (one worker does). */
  replay: boolean;
  /** The process listens on the port itself (one process on MongoDB); a cluster worker does not. @default false */
  listens?: boolean;
  /** Closes what `attach` opened, once the turns have drained. */
  close?(): Promise<void>;
}

/**
 * Starts the server; resolves once it listens.
 * @example const server = await startServer(loadConfig({ port: 0 }));
 */
export async function startServer(config: KefuConfig, worker?: WorkerHooks): Promise<KefuServer> {
  // A broken domain file stops the start before anything is opened.
  const domain = loadDomain(shopContent(config).domainFiles);
  const stores = await openStores(config);
  await ensureShopData(config, stores);
  // The bot is rebuilt when `kefu import` or a retrain changes what it was built from (no restart).
  const catalogue = await LiveCatalogue.start({ config, stores, build: async () => new BotbuilderTurnRunner(await buildBot(config, stores, domain), shopResponses(config)) });
  const chat = new ChatService(stores, catalogue.runner, worker?.turnOrder, shopResponses(config));
  const router = new Router();
  const httpServer = http.createServer(createHttpHandler(config.publicDir, () => ({ store: stores.kind }), router));
  const io = new Server(httpServer, {
    // Messages are at most 2,000 characters; anything far larger is not a chat message.
    maxHttpBufferSize: 64 * 1024,
    cors: { origin: true, credentials: false },
  });
  worker?.attach(io);
  attachChatNamespace(io.of(CHAT_NAMESPACE), chat, config);
  const context: AppContext = { config, stores, chat, io, roomsShared: worker !== undefined, responses: shopResponses(config) };
  const features: Feature[] = [attachStaff(context), attachWebhook(context), attachWechat(context), attachBotFramework(context), attachRetrain(context, catalogue)];
  for (const feature of features) router.add(...feature.routes);
  // Staff hours for the demo page and widget: the file the bot reads too.
  router.add(shopInfoRoute(staffHoursOf(domain, config.staffHoursFile).withTexts(context.responses)));
  // The widget's own words: dialogs/widget.json with the shop's over it.
  router.add(widgetTextsRoute(context.responses, widgetTextKeys(shopContent(config).dialogFiles)));
  // The demo shop's sample orders for the demo page (nothing for any other shop).
  router.add(demoOrdersRoute(config, stores.orders));
  // Messages a crash left acknowledged but unanswered; pushers are registered by now. Not awaited.
  if (worker?.replay !== false) void chat.replayUnanswered({ since: new Date(Date.now() - config.replayMinutes * 60_000).toISOString() });
  // A worker does not listen: the primary owns the port and passes it connections.
  if (!worker || worker.listens) {
    await new Promise<void>((resolve, reject) => {
      httpServer.once('error', reject);
      httpServer.listen(config.port, config.host, () => resolve());
    });
  }
  const port = worker && !worker.listens ? config.port : (httpServer.address() as AddressInfo).port;
  const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`;
  log.info('kefu listening on %s (store: %s)', url, stores.kind);
  return {
    port,
    url,
    stores,
    chat,
    close: async () => {
      await new Promise<void>((resolve) => io.close(() => resolve()));
      for (const feature of features) await feature.close?.();
      await catalogue.stop();
      await chat.drain();
      await worker?.close?.();
      await stores.close();
    },
  };
}
