/**
 * @module widget/widget
 * One widget from `KefuWidget.init` to `destroy()`: it loads the widget's texts from the server
 * (`load-texts.ts`, never waiting long), then mounts a `MountedWidget` with them. What the page
 * asks before that (open, send, reset) is done once it is mounted; `send` still answers at once
 * with the message's id.
 */
import { ConversationIdStore } from './conversation-id-store';
import { loadTexts } from './load-texts';
import { MountedWidget } from './mounted-widget';
import { newId } from './new-id';
import type { WidgetConfig } from './options';

export class Widget {
  readonly lang: WidgetConfig['lang'];
  readonly ids: ConversationIdStore;
  private mounted: MountedWidget | null = null;
  /** What was asked before the texts arrived, in order. */
  private readonly waiting: ((widget: MountedWidget) => void)[] = [];
  private wantOpen: boolean;
  private destroyed = false;

  constructor(cfg: WidgetConfig, version: string) {
    this.lang = cfg.lang;
    this.ids = new ConversationIdStore(cfg.serverUrl);
    this.wantOpen = cfg.open;
    void loadTexts(cfg.serverUrl, cfg.lang).then((texts) => {
      if (this.destroyed) return;
      const widget = (this.mounted = new MountedWidget({ ...cfg, open: this.wantOpen }, version, texts, this.ids));
      for (const asked of this.waiting.splice(0)) asked(widget);
    });
  }

  /** Set by the server's `session`. */
  get conversationId(): string | undefined {
    return this.mounted?.conversationId;
  }

  get isOpen(): boolean {
    return this.mounted ? this.mounted.isOpen : this.wantOpen;
  }

  open(focus: boolean): void {
    if (this.mounted) this.mounted.open(focus);
    else this.wantOpen = true;
  }

  close(restoreFocus: boolean): void {
    if (this.mounted) this.mounted.close(restoreFocus);
    else this.wantOpen = false;
  }

  toggle(): void {
    if (this.mounted) this.mounted.toggle();
    else this.wantOpen = !this.wantOpen;
  }

  /** Sends `text` as the shopper (cut to the server's limit); returns the message id. */
  sendText(text: string): string | null {
    if (this.mounted) return this.mounted.sendText(text);
    if (!String(text).trim()) return null;
    const id = newId();
    this.waiting.push((widget) => widget.sendText(text, id));
    return id;
  }

  /** Forgets the stored conversation and starts a new one. */
  resetConversation(): void {
    if (this.mounted) this.mounted.resetConversation();
    else this.waiting.push((widget) => widget.resetConversation());
  }

  /** Removes the widget; resolves once its connection is closed (after pending acknowledgements, at most 2 s). */
  destroy(): Promise<void> {
    this.destroyed = true;
    return this.mounted ? this.mounted.destroy() : Promise.resolve();
  }
}
