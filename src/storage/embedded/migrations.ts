/**
 * @module storage/embedded/migrations
 * Schema versions of the embedded store, applied in order at open (`PRAGMA user_version`).
 * Never edit a released migration: add a new one.
 */
export const MIGRATIONS: readonly string[] = [
  // 1: conversations, transcripts, dialog state, shop data, handoff queue, feedback
  `
  CREATE TABLE conversations (
    id TEXT PRIMARY KEY,
    channel TEXT NOT NULL,
    customer_id TEXT,
    locale TEXT,
    handoff INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE INDEX conversations_customer ON conversations (customer_id);
  CREATE TABLE activities (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    conversation_id TEXT NOT NULL,
    id TEXT NOT NULL,
    reply_to_id TEXT,
    type TEXT NOT NULL,
    role TEXT NOT NULL,
    at TEXT NOT NULL,
    json TEXT NOT NULL,
    UNIQUE (conversation_id, id)
  );
  CREATE INDEX activities_reply ON activities (conversation_id, reply_to_id);
  CREATE TABLE dialog_state (
    key TEXT PRIMARY KEY,
    etag INTEGER NOT NULL,
    json TEXT NOT NULL
  );
  CREATE TABLE products (id TEXT PRIMARY KEY, json TEXT NOT NULL);
  CREATE TABLE customers (id TEXT PRIMARY KEY, json TEXT NOT NULL);
  CREATE TABLE orders (
    id TEXT PRIMARY KEY,
    customer_id TEXT NOT NULL,
    status TEXT NOT NULL,
    created_at TEXT NOT NULL,
    json TEXT NOT NULL
  );
  CREATE INDEX orders_customer ON orders (customer_id, created_at);
  CREATE TABLE order_actions (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    order_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    actor TEXT NOT NULL,
    conversation_id TEXT,
    from_status TEXT NOT NULL,
    detail TEXT NOT NULL,
    at TEXT NOT NULL
  );
  CREATE TABLE events (
    customer_id TEXT NOT NULL,
    product_id TEXT NOT NULL,
    type TEXT NOT NULL,
    at TEXT NOT NULL,
    value REAL,
    PRIMARY KEY (customer_id, product_id, type, at)
  );
  CREATE TABLE faq (id TEXT PRIMARY KEY, json TEXT NOT NULL);
  CREATE TABLE handoff_queue (
    conversation_id TEXT PRIMARY KEY,
    reason TEXT NOT NULL,
    queued_at TEXT NOT NULL
  );
  CREATE TABLE feedback (
    conversation_id TEXT NOT NULL,
    activity_id TEXT NOT NULL,
    rating TEXT NOT NULL,
    comment TEXT,
    at TEXT NOT NULL,
    PRIMARY KEY (conversation_id, activity_id)
  );
  CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
  `,
  // 2: privacy (a raw copy beside the redacted one, kept until raw_until), retention and export scans
  `
  ALTER TABLE activities ADD COLUMN raw_json TEXT;
  ALTER TABLE activities ADD COLUMN raw_until TEXT;
  CREATE INDEX activities_raw_until ON activities (raw_until) WHERE raw_until IS NOT NULL;
  CREATE INDEX activities_conversation_at ON activities (conversation_id, at);
  CREATE INDEX activities_at ON activities (at);
  `,
];
