/**
 * @module console/socket
 * Live updates: the socket.io namespace `/staff` (the client script is served by kefu at
 * `/socket.io/socket.io.js`; the session cookie authenticates the handshake). Views
 * subscribe to `activity` and `conversation` events and to the connection state.
 */

/** A tiny event bus the views subscribe to; `on` returns the unsubscribe function. */
export function createBus() {
  const handlers = new Map();
  return {
    on(name, fn) {
      if (!handlers.has(name)) handlers.set(name, new Set());
      handlers.get(name).add(fn);
      return () => handlers.get(name).delete(fn);
    },
    emit(name, payload) {
      for (const fn of Array.from(handlers.get(name) || [])) {
        try {
          fn(payload);
        } catch (err) {
          console.error('kefu console: %s handler failed', name, err);
        }
      }
    },
  };
}

/**
 * Connects to `/staff` and forwards its events to `bus` (`activity`, `conversation`, and
 * `status` = 'online' | 'offline' | 'auth'). Returns a function that disconnects.
 */
export function connectStaff(bus) {
  if (typeof window.io !== 'function') {
    bus.emit('status', 'offline');
    return () => {};
  }
  const socket = window.io('/staff', { withCredentials: true, transports: ['websocket', 'polling'] });
  socket.on('connect', () => bus.emit('status', 'online'));
  socket.on('disconnect', () => bus.emit('status', 'offline'));
  socket.on('connect_error', (err) => {
    const auth = err && err.data && err.data.code === 'KEFU_AUTH';
    bus.emit('status', auth ? 'auth' : 'offline');
    if (auth) socket.disconnect(); // the session is gone; the app shows the login screen
  });
  socket.on('activity', (a) => bus.emit('activity', a));
  socket.on('conversation', (c) => bus.emit('conversation', c));
  // After a reconnect, views refetch: events may have been missed meanwhile.
  socket.io.on('reconnect', () => bus.emit('resync'));
  return () => socket.disconnect();
}
