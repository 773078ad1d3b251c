/**
 * @module widget/timers
 * Timeouts that die with the widget: `destroy()` clears them all, and none fires after it.
 */

export class Timers {
  private readonly ids = new Set<number>();
  private stopped = false;

  /** `setTimeout` that does nothing once `clear()` ran. */
  later(fn: () => void, ms: number): number {
    const id = window.setTimeout(() => {
      this.ids.delete(id);
      if (!this.stopped) fn();
    }, ms);
    this.ids.add(id);
    return id;
  }

  clear(): void {
    this.stopped = true;
    for (const id of this.ids) clearTimeout(id);
    this.ids.clear();
  }
}
