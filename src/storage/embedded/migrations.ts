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
  // 3: staff console (issue 5): accounts, sessions, audit log, assignments, annotations; the
  // conversation's last activity time kept by triggers (the search pages on it, newest first),
  // and indexes for the search and dashboard queries.
  `
  CREATE TABLE staff_accounts (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL,
    role TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    created_at TEXT NOT NULL
  );
  CREATE TABLE staff_sessions (
    token_hash TEXT PRIMARY KEY,
    staff_id TEXT NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
  );
  CREATE INDEX staff_sessions_expires ON staff_sessions (expires_at);
  CREATE TABLE audit_log (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    staff_id TEXT NOT NULL,
    staff_name TEXT NOT NULL,
    action TEXT NOT NULL,
    conversation_id TEXT,
    detail TEXT
  );
  CREATE INDEX audit_log_at ON audit_log (at, seq);
  CREATE TABLE assignments (
    conversation_id TEXT PRIMARY KEY,
    staff_id TEXT NOT NULL,
    staff_name TEXT NOT NULL,
    since TEXT NOT NULL
  );
  CREATE TABLE annotations (
    id TEXT PRIMARY KEY,
    conversation_id TEXT NOT NULL,
    activity_id TEXT NOT NULL,
    text TEXT NOT NULL,
    locale TEXT NOT NULL,
    predicted_intent TEXT NOT NULL,
    predicted_score REAL NOT NULL,
    correct_intent TEXT NOT NULL,
    status TEXT NOT NULL,
    created_by TEXT NOT NULL,
    created_at TEXT NOT NULL,
    reviewed_by TEXT,
    reviewed_at TEXT,
    UNIQUE (conversation_id, activity_id)
  );
  CREATE INDEX annotations_status ON annotations (status, created_at);
  ALTER TABLE conversations ADD COLUMN last_activity_at TEXT;
  UPDATE conversations SET last_activity_at = (SELECT MAX(at) FROM activities a WHERE a.conversation_id = conversations.id);
  CREATE INDEX conversations_last_activity ON conversations (last_activity_at, id);
  CREATE TRIGGER activities_last_activity AFTER INSERT ON activities BEGIN
    UPDATE conversations SET last_activity_at = NEW.at
    WHERE id = NEW.conversation_id AND (last_activity_at IS NULL OR last_activity_at < NEW.at);
  END;
  CREATE TRIGGER conversations_last_activity AFTER INSERT ON conversations BEGIN
    UPDATE conversations SET last_activity_at = (SELECT MAX(at) FROM activities a WHERE a.conversation_id = NEW.id)
    WHERE id = NEW.id;
  END;
  CREATE INDEX activities_bot_intent ON activities (json_extract(json, '$.channelData.intent.name'), conversation_id) WHERE role = 'bot';
  CREATE INDEX activities_bot_at ON activities (at, conversation_id, reply_to_id, json_extract(json, '$.channelData.intent.name'))
    WHERE role = 'bot';
  CREATE INDEX activities_text ON activities (conversation_id, json_extract(json, '$.text')) WHERE type = 'message';
  CREATE INDEX activities_user_at ON activities (at, conversation_id) WHERE role = 'user' AND type = 'message';
  CREATE INDEX activities_human ON activities (at, conversation_id)
    WHERE role = 'agent' OR (role = 'bot' AND json_extract(json, '$.channelData.handoff') = 1);
  `,
  // 4: handoff priority (issue 11): a conversation handed off while the shopper was angry is
  // listed before calm ones; entries queued before are normal (0).
  `
  ALTER TABLE handoff_queue ADD COLUMN priority INTEGER NOT NULL DEFAULT 0;
  CREATE INDEX handoff_queue_order ON handoff_queue (priority DESC, queued_at);
  `,
  // 5: fewer pages written per turn (issue 13). A turn's rows land in a random place of every
  // index led by the conversation id (or by anything but time), so each such index cost the turn
  // one more page written to the WAL and one more B-tree descent.
  // - `activities_conversation` serves what `_reply` (the replies to a message), `_conversation_at`
  //   (a conversation's rows by time) and `_text` (text search, a conversation's last text)
  //   served: a conversation's few dozen entries are scanned for a time or a text, read from the
  //   index alone.
  // - `activities_at` served no query: the scan for exports pages on the rowid.
  // - `activities_bot_intent` is ordered by time within an intent, so a reply lands at the end of
  //   its intent's entries (a few pages shared by all turns) instead of a random place.
  // - The trigger that moved `conversations.last_activity_at` on every inserted row is gone: the
  //   transcript store moves it once per conversation and write (`SqliteTranscriptStore`), the
  //   one place that inserts activities.
  // Measured on a loaded server (200 conversations, closed loop, 2026-12-07): the WAL took 120
  // instead of 155 KB and 59 instead of 76 write calls per turn. Staff queries on a store of
  // 221,000 activities (2,200 conversations) stayed within their run-to-run spread (text search
  // 40–90 ms, replies to a message 0.1 ms); replay of a day's unanswered messages took 0.3
  // instead of 0.17 s (it runs once, at start, over `replayMinutes`).
  `
  DROP INDEX activities_reply;
  DROP INDEX activities_conversation_at;
  DROP INDEX activities_text;
  DROP INDEX activities_at;
  DROP INDEX activities_bot_intent;
  DROP TRIGGER activities_last_activity;
  CREATE INDEX activities_conversation ON activities (conversation_id, reply_to_id, at, type, json_extract(json, '$.text'));
  CREATE INDEX activities_bot_intent ON activities (json_extract(json, '$.channelData.intent.name'), at, conversation_id) WHERE role = 'bot';
  `,
];
