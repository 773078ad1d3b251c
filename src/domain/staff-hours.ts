/**
 * @module domain/staff-hours
 * When people answer, from the domain's `staffHours` (`domain.json`; a file named by
 * `KEFU_STAFF_HOURS_FILE` replaces it): the shop's time zone, opening intervals per weekday, closed dates, and the minutes one waiting
 * conversation takes staff on average (the basis of the queue estimate). The bot (handoff,
 * waiting replies) and the demo page (`GET /api/v1/shop-info`) read the same data, so the page
 * cannot claim hours the bot does not keep. Times are the shop's local wall clock. The words
 * (weekday and month names, today/tomorrow, separators, the line's format) are the `handoff.hours*`
 * texts of `dialogs/handoff.json`; the time zone arithmetic is here.
 */
import fs from 'node:fs';
import type { Locale } from '../core/shop';
import { builtInResponses } from './built-in-responses';
import type { Responses } from './responses';

const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
type Day = (typeof DAYS)[number];

export interface StaffHoursData {
  /** IANA zone, e.g. `Asia/Shanghai`. */
  timeZone: string;
  /** How the zone is named to shoppers: `{zh: '北京时间', en: 'China time'}`. */
  zoneName: Record<Locale, string>;
  /** `"HH:MM"` start (inclusive) and end (exclusive, up to `"24:00"`) per weekday; a missing day is closed. */
  weekly: Partial<Record<Day, [string, string][]>>;
  /** Closed dates `YYYY-MM-DD` in the shop's zone. */
  holidays?: string[];
  /** Average minutes staff need per waiting conversation: the estimate is position × this. */
  minutesPerConversation: number;
}

/** A wall-clock moment in the shop's zone. */
export interface LocalTime {
  date: string;
  day: Day;
  minutes: number;
}

const HHMM = /^([01]\d|2[0-4]):([0-5]\d)$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function toMinutes(hhmm: string): number {
  const m = HHMM.exec(hhmm);
  if (!m || (m[1] === '24' && m[2] !== '00')) throw new Error(`staff hours: "${hhmm}" is not a time HH:MM`);
  return Number(m[1]) * 60 + Number(m[2]);
}

function clock(minutes: number): string {
  return `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;
}

/** The calendar date `days` after `date` (both `YYYY-MM-DD`) and its weekday. */
function addDays(date: string, days: number): { date: string; day: Day } {
  const [y, m, d] = date.split('-').map(Number);
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return { date: t.toISOString().slice(0, 10), day: DAYS[t.getUTCDay()] };
}

export class StaffHours {
  private readonly intervals: Record<Day, [number, number][]>;
  private readonly holidays: Set<string>;
  private readonly format: Intl.DateTimeFormat;

  /**
   * @param texts the shop's `Responses` the hours are told in; @default the built-in `dialogs/`
   *   (`withTexts` gives the shop's).
   */
  constructor(
    readonly data: StaffHoursData,
    private readonly texts?: Responses,
  ) {
    if (!data || typeof data.timeZone !== 'string') throw new Error('staff hours: timeZone is required');
    this.format = new Intl.DateTimeFormat('en-CA', {
      timeZone: data.timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
    }); // throws RangeError on an unknown zone
    if (!data.zoneName?.zh || !data.zoneName?.en) throw new Error('staff hours: zoneName needs zh and en');
    if (!(data.minutesPerConversation > 0)) throw new Error('staff hours: minutesPerConversation must be a positive number');
    const intervals = {} as Record<Day, [number, number][]>;
    for (const day of DAYS) {
      intervals[day] = (data.weekly?.[day] ?? []).map(([from, to]) => {
        const span: [number, number] = [toMinutes(from), toMinutes(to)];
        if (span[0] >= span[1]) throw new Error(`staff hours: ${day} ${from}–${to} ends before it starts`);
        return span;
      }).sort((a, b) => a[0] - b[0]);
    }
    this.intervals = intervals;
    for (const h of data.holidays ?? []) if (!DATE.test(h)) throw new Error(`staff hours: holiday "${h}" is not YYYY-MM-DD`);
    this.holidays = new Set(data.holidays ?? []);
  }

  /** Reads a staff-hours file (`KEFU_STAFF_HOURS_FILE`: the `staffHours` object of a domain on its own). */
  static load(file: string): StaffHours {
    return new StaffHours(JSON.parse(fs.readFileSync(file, 'utf8')) as StaffHoursData);
  }

  /** The same hours, told in `texts` (the shop's dialogs). @example staffHoursOf(domain).withTexts(responses) */
  withTexts(texts: Responses): StaffHours {
    return new StaffHours(this.data, texts);
  }

  private say(locale: Locale, key: string, vars: Record<string, string | number> = {}): string {
    return (this.texts ?? builtInResponses()).text(locale, `handoff.${key}`, vars);
  }

  get minutesPerConversation(): number {
    return this.data.minutesPerConversation;
  }

  /** The shop's wall clock at `now`. */
  localTime(now: Date): LocalTime {
    const parts = Object.fromEntries(this.format.formatToParts(now).map((p) => [p.type, p.value]));
    const date = `${parts.year}-${parts.month}-${parts.day}`;
    return { date, day: addDays(date, 0).day, minutes: Number(parts.hour) * 60 + Number(parts.minute) };
  }

  isOpen(now: Date = new Date()): boolean {
    const t = this.localTime(now);
    return !this.holidays.has(t.date) && this.intervals[t.day].some(([from, to]) => t.minutes >= from && t.minutes < to);
  }

  /** When staff are next at work after `now` (within four weeks), in the shop's zone; null when never. */
  nextOpening(now: Date = new Date()): LocalTime | null {
    const t = this.localTime(now);
    for (let i = 0; i < 28; i++) {
      const { date, day } = addDays(t.date, i);
      if (this.holidays.has(date)) continue;
      const start = this.intervals[day].find(([from]) => i > 0 || from > t.minutes);
      if (start) return { date, day, minutes: start[0] };
    }
    return null;
  }

  /**
   * The next opening as a shopper reads it: "明天 9:00（北京时间）", "tomorrow at 9:00 (China time)",
   * "12月10日（周四）9:00（北京时间）", "Thu 10 Dec at 9:00 (China time)".
   */
  describeNextOpening(locale: Locale, now: Date = new Date()): string | null {
    const next = this.nextOpening(now);
    if (!next) return null;
    const today = this.localTime(now).date;
    const zone = this.data.zoneName[locale];
    const time = clock(next.minutes);
    if (next.date === today || next.date === addDays(today, 1).date) {
      return this.say(locale, 'hoursNextSoon', { when: this.say(locale, next.date === today ? 'hoursToday' : 'hoursTomorrow'), time, zone });
    }
    const [, month, day] = next.date.split('-').map(Number);
    const weekday = this.say(locale, `hoursDay_${next.day}`);
    return this.say(locale, 'hoursNextDate', { month: this.say(locale, `hoursMonth_${month}`), day, weekday, time, zone });
  }

  /** The weekly hours in a line: "每天 9:00–22:00（北京时间）", "Mon–Fri 9:00–18:00, Sat 10:00–16:00 (China time)". */
  summary(locale: Locale): string {
    const order: Day[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
    const spanSeparator = this.say(locale, 'hoursSpanSeparator');
    const spans = (d: Day) => this.intervals[d].map(([a, b]) => `${clock(a)}–${clock(b)}`).join(spanSeparator);
    const groups: { from: Day; to: Day; hours: string }[] = [];
    for (const d of order) {
      const hours = spans(d);
      const last = groups[groups.length - 1];
      if (last && last.hours === hours && order.indexOf(last.to) === order.indexOf(d) - 1) last.to = d;
      else groups.push({ from: d, to: d, hours });
    }
    const open = groups.filter((g) => g.hours);
    const zone = this.data.zoneName[locale];
    if (open.length === 0) return this.say(locale, 'hoursNone');
    if (open.length === 1 && open[0].from === 'mon' && open[0].to === 'sun') return this.say(locale, 'hoursDaily', { hours: open[0].hours, zone });
    const name = (d: Day) => this.say(locale, `hoursDay_${d}`);
    const label = (g: (typeof open)[number]) => (g.from === g.to ? name(g.from) : this.say(locale, 'hoursDayRange', { from: name(g.from), to: name(g.to) }));
    const list = open.map((g) => `${label(g)} ${g.hours}`).join(this.say(locale, 'hoursGroupSeparator'));
    return this.say(locale, 'hoursWeekly', { list, zone });
  }
}
