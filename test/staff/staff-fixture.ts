/**
 * @module test/staff/staff-fixture
 * Staff in tests: accounts added through the real account code, a console client that logs in
 * over HTTP and keeps its session cookie, and a `/staff` socket.io client.
 */
import { io, type Socket } from 'socket.io-client';
import type { StaffRole } from '../../src/core/staff';
import { createStaffAccount } from '../../src/staff/create-staff-account';
import type { TestServer } from '../helpers/test-server';

export interface StaffLogin {
  name: string;
  password: string;
  displayName: string;
}

let counter = 0;

/** Adds an account straight to the server's store (as `kefu staff add` would). */
export async function addStaff(server: TestServer, role: StaffRole, displayName?: string): Promise<StaffLogin> {
  const name = `${role}-${process.pid}-${++counter}`;
  const { account, password } = await createStaffAccount(server.stores.staff, { name, role, displayName }, { staffId: 'cli', staffName: 'cli' });
  return { name, password, displayName: account.displayName };
}

export interface Answer<T = Record<string, unknown>> {
  status: number;
  body: T;
  headers: Headers;
}

/** The JSON POST a console page sends (same origin, application/json). */
export async function post(baseUrl: string, path: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(baseUrl + path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: baseUrl, ...headers },
    body: JSON.stringify(body),
  });
}

export class ConsoleClient {
  private constructor(
    readonly baseUrl: string,
    readonly cookie: string,
    readonly staff: { id: string; name: string; displayName: string; role: StaffRole },
  ) {}

  static async login(baseUrl: string, login: { name: string; password: string }): Promise<ConsoleClient> {
    const res = await post(baseUrl, '/api/staff/login', { name: login.name, password: login.password });
    if (res.status !== 200) throw new Error(`login failed: ${res.status} ${await res.text()}`);
    const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0];
    const body = (await res.json()) as { staff: ConsoleClient['staff'] };
    return new ConsoleClient(baseUrl, cookie, body.staff);
  }

  async get<T = Record<string, unknown>>(path: string): Promise<Answer<T>> {
    const res = await fetch(this.baseUrl + path, { headers: { Cookie: this.cookie } });
    return { status: res.status, body: (await res.json()) as T, headers: res.headers };
  }

  /** A download's raw text. */
  async download(path: string): Promise<{ status: number; text: string; headers: Headers }> {
    const res = await fetch(this.baseUrl + path, { headers: { Cookie: this.cookie } });
    return { status: res.status, text: await res.text(), headers: res.headers };
  }

  async post<T = Record<string, unknown>>(path: string, body: unknown = {}, headers: Record<string, string> = {}): Promise<Answer<T>> {
    const res = await post(this.baseUrl, path, body, { Cookie: this.cookie, ...headers });
    return { status: res.status, body: (await res.json()) as T, headers: res.headers };
  }
}

/** A console's `/staff` socket with everything it received. */
export class StaffSocket {
  readonly activities: { id: string; conversationId: string; text?: string; from: { role: string } }[] = [];
  readonly conversations: { conversation: { id: string; handoff: boolean }; assignment: unknown; handoff: unknown }[] = [];

  private constructor(readonly socket: Socket) {
    socket.on('activity', (a: StaffSocket['activities'][number]) => this.activities.push(a));
    socket.on('conversation', (c: StaffSocket['conversations'][number]) => this.conversations.push(c));
  }

  static connect(baseUrl: string, cookie?: string): Promise<StaffSocket> {
    return new Promise((resolve, reject) => {
      const socket = io(`${baseUrl}/staff`, {
        transports: ['websocket'],
        reconnection: false,
        forceNew: true,
        ...(cookie ? { extraHeaders: { Cookie: cookie } } : {}),
      });
      socket.once('connect', () => resolve(new StaffSocket(socket)));
      socket.once('connect_error', (err) => {
        socket.close();
        reject(err);
      });
    });
  }

  close(): void {
    this.socket.close();
  }
}

/** Polls until `check` returns a value (not undefined/false), or fails after `ms`. */
export async function waitFor<T>(check: () => T | undefined | false, ms = 5000, what = 'the expected event'): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
