/**
 * @module cluster/cluster-turn-order
 * A worker's `TurnOrder`: asks the primary (`turn-lock-table`) for a conversation's turn over
 * the IPC channel. The request is written before the message is acknowledged, so a message sent
 * after that acknowledgement, on any worker, queues behind it.
 */
import type { TurnOrder } from '../core/turn-queue';
import { isKefuMessage, type ToPrimary, type ToWorker } from './cluster-messages';

export class ClusterTurnOrder implements TurnOrder {
  private nextId = 1;
  private readonly waiting = new Map<number, () => void>();

  constructor(private readonly channel: NodeJS.Process = process) {
    channel.on('message', (message: unknown) => {
      if (!isKefuMessage<ToWorker>(message) || message.kefu !== 'granted') return;
      const grant = this.waiting.get(message.id);
      this.waiting.delete(message.id);
      grant?.();
    });
  }

  acquire(key: string): Promise<() => void> {
    // Without the primary (it is gone, so is this worker in a moment) there is no one to wait for.
    if (!this.channel.connected) return Promise.resolve(() => undefined);
    const id = this.nextId++;
    const granted = new Promise<() => void>((resolve) => {
      this.waiting.set(id, () => {
        let released = false;
        resolve(() => {
          if (released) return;
          released = true;
          this.send({ kefu: 'unlock', id });
        });
      });
    });
    this.send({ kefu: 'lock', id, key });
    return granted;
  }

  private send(message: ToPrimary): void {
    if (this.channel.connected) this.channel.send?.(message);
  }
}
