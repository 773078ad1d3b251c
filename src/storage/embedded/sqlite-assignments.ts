/**
 * @module storage/embedded/sqlite-assignments
 * Who holds which conversation. The conversation id is the primary key: of two takes at once
 * (even from two processes on one file) one inserts, the other reads the holder.
 */
import type { Assignment, Assignments } from '../../core/staff';
import type { SqliteDatabase } from './database';

interface Row {
  conversation_id: string;
  staff_id: string;
  staff_name: string;
  since: string;
}

const toAssignment = (r: Row): Assignment => ({ conversationId: r.conversation_id, staffId: r.staff_id, staffName: r.staff_name, since: r.since });

export class SqliteAssignments implements Assignments {
  constructor(private readonly db: SqliteDatabase) {}

  async take(a: Assignment): Promise<{ ok: true } | { ok: false; holder: Assignment }> {
    const insert = this.db.statement(
      `INSERT INTO assignments (conversation_id, staff_id, staff_name, since) VALUES (?, ?, ?, ?)
       ON CONFLICT (conversation_id) DO NOTHING`,
    );
    // Insert and read in one write: the writer's lock (BEGIN IMMEDIATE) keeps another process out in between.
    return this.db.write((): { ok: true } | { ok: false; holder: Assignment } => {
      if (insert.run(a.conversationId, a.staffId, a.staffName, a.since).changes === 1) return { ok: true };
      const holder = this.read(a.conversationId) as Assignment;
      return holder.staffId === a.staffId ? { ok: true } : { ok: false, holder };
    });
  }

  async release(conversationId: string, staffId: string): Promise<boolean> {
    const remove = this.db.statement('DELETE FROM assignments WHERE conversation_id = ? AND staff_id = ?');
    return this.db.write(() => remove.run(String(conversationId), String(staffId)).changes === 1);
  }

  async get(conversationId: string): Promise<Assignment | null> {
    return this.read(conversationId);
  }

  async list(): Promise<Assignment[]> {
    return (this.db.statement('SELECT * FROM assignments ORDER BY since, conversation_id').all() as Row[]).map(toAssignment);
  }

  private read(conversationId: string): Assignment | null {
    const row = this.db.statement('SELECT * FROM assignments WHERE conversation_id = ?').get(String(conversationId)) as Row | undefined;
    return row ? toAssignment(row) : null;
  }
}
