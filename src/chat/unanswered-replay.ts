/**
 * @module chat/unanswered-replay
 * At start, answers the messages a crash left acknowledged but unanswered
 * (`UnansweredFinder.unanswered`): each runs through its conversation's queue, in order, as a
 * retried message would; a message whose only stored copy is redacted is answered with "please
 * send that again" instead (`replay-unanswered`).
 */
import type { ChatActivity, Conversation, ConversationStore, TranscriptAppender, TranscriptReader, UnansweredActivity, UnansweredFinder } from '../core/conversation';
import type { Responses } from '../domain/responses';
import { createLogger } from '../log';
import { BOT_ID, turnEnd } from './bot-activities';
import type { ChatEvents } from './chat-events';
import type { Deliver } from './pushers';
import { DEFAULT_REPLAY_LIMIT, sendAgainNotice, type ReplayOptions, type ReplayOutcome, type ReplaySummary } from './replay-unanswered';
import type { TurnPipeline } from './turn-pipeline';
import type { TurnQueue } from '../core/turn-queue';
import { awaitsReply, storeReplies } from './turn-replies';
import type { TurnsInFlight } from './turns-in-flight';

const log = createLogger('kefu:chat');

type DeliverTo = NonNullable<ReplayOptions['deliver']>;

export class UnansweredReplay {
  constructor(
    private readonly stores: { conversations: ConversationStore; transcripts: TranscriptAppender & TranscriptReader & UnansweredFinder },
    private readonly pipeline: TurnPipeline,
    private readonly queue: TurnQueue,
    private readonly inFlight: TurnsInFlight,
    private readonly events: ChatEvents,
    /** Where replies go when `options.deliver` is not given (the channel's pusher). */
    private readonly push: DeliverTo,
    /** The shop's texts, for the "please send that again" reply. */
    private readonly responses: Responses,
  ) {}

  /**
   * Answers the messages stored since `since` whose turns never completed because the server
   * stopped. Each is run once, even when the client resends it meanwhile. Replies are stored,
   * then delivered (a shopper who reconnects later finds them in `history`). Resolves when every
   * replayed turn has run; never rejects.
   */
  async replay(options: ReplayOptions): Promise<ReplaySummary> {
    const summary: ReplaySummary = { found: 0, replayed: 0, askedAgain: 0, skipped: 0 };
    const transcripts = this.stores.transcripts;
    const limit = options.limit ?? DEFAULT_REPLAY_LIMIT;
    const deliver = options.deliver ?? this.push;
    try {
      const listed = await transcripts.unanswered(options.since, limit);
      const found = options.conversations ? listed.filter((f) => options.conversations!.has(f.activity.conversationId)) : listed;
      summary.found = found.length;
      const outcomes = await Promise.all(found.map((f) => this.replayOne(f, deliver)));
      for (const outcome of outcomes) summary[outcome]++;
      log.info(
        'replay since %s: %s unanswered message(s), %s replayed, %s asked to send again, %s skipped%s',
        options.since, summary.found, summary.replayed, summary.askedAgain, summary.skipped,
        found.length === limit ? ` (limit ${limit} reached: later ones are left)` : '',
      );
    } catch (err) {
      log.error('replay since %s failed', options.since, err);
    }
    return summary;
  }

  /** Queues one found message like a retry: skipped when it is in flight, answered meanwhile, or staff hold it. */
  private async replayOne(found: UnansweredActivity, deliverTo: DeliverTo): Promise<ReplayOutcome> {
    const { activity } = found;
    const { conversationId, id } = activity;
    if (this.inFlight.has(conversationId, id)) return 'skipped';
    this.inFlight.add(conversationId, id);
    let outcome: ReplayOutcome = 'skipped';
    try {
      await this.queue.run(conversationId, async () => {
        // Read in turn, not from the query: a resend may have answered it, or staff taken it, since.
        const conversation = await this.stores.conversations.get(conversationId);
        if (!conversation || conversation.handoff || !(await awaitsReply(this.stores.transcripts, conversation.id, id))) return;
        const deliver: Deliver = (a) => deliverTo(conversation, a);
        if (found.redacted) {
          outcome = (await this.askAgain(conversation, activity, deliver)) ? 'askedAgain' : 'skipped';
        } else {
          outcome = (await this.pipeline.run(conversation.id, activity, deliver)) ? 'replayed' : 'skipped';
        }
      });
    } catch (err) {
      log.warn('cannot replay %s in %s', id, conversationId, err);
    } finally {
      this.inFlight.delete(conversationId, id);
    }
    return outcome;
  }

  /** Stores and delivers the "please send that again" reply to a message whose words were redacted. */
  private async askAgain(conversation: Conversation, inbound: ChatActivity, deliver: Deliver): Promise<boolean> {
    const notice = sendAgainNotice(this.responses, conversation, inbound, { id: BOT_ID, role: 'bot' });
    try {
      await storeReplies(this.stores.transcripts, [notice]);
      this.events.emit('activity', notice);
      deliver(notice);
      return true;
    } catch (err) {
      log.error('cannot store the send-again reply in %s', conversation.id, err);
      return false;
    } finally {
      deliver(turnEnd(conversation.id, inbound.id));
    }
  }
}
