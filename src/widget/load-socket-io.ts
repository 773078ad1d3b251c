/**
 * @module widget/load-socket-io
 * The socket.io client comes from the kefu server itself (`/socket.io/socket.io.js`, the version
 * that matches it), loaded once; a page that already has `window.io` keeps its own.
 */
import type { io as ioFunction } from 'socket.io-client';

export type Io = typeof ioFunction;

declare global {
  interface Window {
    io?: Io;
  }
}

let loading: Promise<Io> | null = null;

export function loadSocketIo(src: string): Promise<Io> {
  if (typeof window.io === 'function') return Promise.resolve(window.io);
  if (!loading) {
    loading = new Promise<Io>((resolve, reject) => {
      const s = document.createElement('script');
      s.src = src;
      s.async = true;
      s.setAttribute('data-kefu', 'socket.io');
      s.onload = () => (typeof window.io === 'function' ? resolve(window.io) : reject(new Error('socket.io client did not define window.io')));
      s.onerror = () => {
        s.remove();
        reject(new Error('could not load ' + src));
      };
      document.head.appendChild(s);
    }).catch((err: unknown) => {
      loading = null; // allow a later retry
      throw err;
    });
  }
  return loading;
}
