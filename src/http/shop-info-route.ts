/**
 * @module http/shop-info-route
 * `GET /api/v1/shop-info`: what a shop page may say about the service, from the same data the
 * bot uses (the domain's `staffHours`, or `KEFU_STAFF_HOURS_FILE`), so the page never promises
 * hours the bot does not keep. Public (no shopper data).
 * @example { "staffHours": { "timeZone": "Asia/Shanghai", "openNow": false, "summary": { "zh": "每天 9:00–22:00（北京时间）", … }, "nextOpening": { "zh": "明天 9:00（北京时间）", … } } }
 */
import type { StaffHours } from '../domain/staff-hours';
import { sendJson } from './respond';
import type { Route } from './router';

export const SHOP_INFO_PATH = '/api/v1/shop-info';

export function shopInfoRoute(hours: StaffHours): Route {
  return {
    method: 'GET',
    path: SHOP_INFO_PATH,
    handle: ({ res }) => {
      const now = new Date();
      const openNow = hours.isOpen(now);
      sendJson(res, 200, {
        staffHours: {
          timeZone: hours.data.timeZone,
          openNow,
          summary: { zh: hours.summary('zh'), en: hours.summary('en') },
          nextOpening: openNow ? null : { zh: hours.describeNextOpening('zh', now), en: hours.describeNextOpening('en', now) },
        },
      });
    },
  };
}
