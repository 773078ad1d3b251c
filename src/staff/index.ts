/**
 * @module staff
 * The staff console's server side (issue 5): logins and sessions, the console API
 * (`console-api.md`), the `/staff` socket.io namespace, takeover and agent messages, teaching.
 */
import type { AppContext, Feature } from '../app-context';
import { CHANNEL as SOCKETIO_CHANNEL } from '../channels/socketio/chat-namespace';
import { CHAT_NAMESPACE } from '../channels/socketio/events';
import { withStatusLabels } from '../dialogs/order/order-card';
import { Responses } from '../domain/responses';
import { shopContent } from '../shop-folder/shop-content';
import { adminRoutes } from './admin-routes';
import { authRoutes } from './auth-routes';
import { ConversationControl } from './conversation-control';
import { conversationRoutes } from './conversation-routes';
import { exportRoute } from './export-route';
import { LoginRateLimiter } from './login-rate-limiter';
import { StaffAuth } from './staff-auth';
import type { StaffDeps } from './staff-deps';
import { attachStaffNamespace, STAFF_NAMESPACE } from './staff-namespace';
import { teachRoutes } from './teach-routes';

export function attachStaff(ctx: AppContext): Feature {
  const { stores, chat, io } = ctx;
  const staff = stores.staff;
  const auth = new StaffAuth(staff, ctx.config.staff, new LoginRateLimiter());
  const responses = Responses.load(shopContent(ctx.config).dialogFiles);
  const control = new ConversationControl({ ...stores, assignments: staff.assignments, audit: staff.audit }, chat, responses);
  const namespace = attachStaffNamespace(io.of(STAFF_NAMESPACE), { auth, chat, handoffs: stores.handoffs, assignments: staff.assignments, roomsShared: ctx.roomsShared });
  // An agent's message reaches the shopper's widget: the room every socket of the conversation joined.
  chat.registerPusher(SOCKETIO_CHANNEL, (activity) => {
    // Order cards name their status in the bot's words, as in live replies and history.
    io.of(CHAT_NAMESPACE).to(`conversation:${activity.conversationId}`).emit('activity', withStatusLabels(activity, null, responses));
  });
  const deps: StaffDeps = { ctx, staff, auth, control, disconnectSession: namespace.disconnectSession };
  return {
    routes: [...authRoutes(deps), ...conversationRoutes(deps), ...teachRoutes(deps), ...adminRoutes(deps), exportRoute(deps)],
    close: async () => namespace.close(),
  };
}
