/**
 * Staff hours (`dialogs/staff-hours`): open or not at an instant in the shop's zone, the next
 * opening (later today, tomorrow, after closed dates and closed weekdays), how shoppers read it
 * in zh and en, the weekly summary, and clear errors for a bad file.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { StaffHours, staffHoursOf, type StaffHoursData } from '../../../src/dialogs/staff-hours';
import { builtInDomain } from '../../../src/domain/built-in-domain';

const base: StaffHoursData = {
  timeZone: 'Asia/Shanghai',
  zoneName: { zh: '北京时间', en: 'China time' },
  weekly: { mon: [['09:00', '18:00']], tue: [['09:00', '18:00']], wed: [['09:00', '18:00']], thu: [['09:00', '18:00']], fri: [['09:00', '12:00'], ['13:00', '18:00']], sat: [['10:00', '16:00']] },
  minutesPerConversation: 5,
};
// 2026-12-07 is a Monday; Shanghai is UTC+8.
const at = (utc: string) => new Date(utc);

describe('StaffHours', () => {
  const hours = new StaffHours(base);

  it('should be open inside an interval of the local weekday and closed outside, at lunch and on Sunday', () => {
    expect(hours.isOpen(at('2026-12-07T01:00:00Z'))).toBe(true); // Mon 9:00 local
    expect(hours.isOpen(at('2026-12-07T00:59:00Z'))).toBe(false); // Mon 8:59
    expect(hours.isOpen(at('2026-12-07T10:00:00Z'))).toBe(false); // Mon 18:00, the end is exclusive
    expect(hours.isOpen(at('2026-12-11T04:30:00Z'))).toBe(false); // Fri 12:30, lunch
    expect(hours.isOpen(at('2026-12-13T04:00:00Z'))).toBe(false); // Sun 12:00
    expect(hours.isOpen(at('2026-12-07T16:30:00Z'))).toBe(false); // Tue 0:30 local, still Mon in UTC
    expect(hours.isOpen(at('2026-12-12T02:00:00Z'))).toBe(true); // Sat 10:00
  });

  it('should name the next opening today, tomorrow, or by date, in zh and en', () => {
    expect(hours.describeNextOpening('zh', at('2026-12-07T00:00:00Z'))).toBe('今天 9:00（北京时间）');
    expect(hours.describeNextOpening('en', at('2026-12-07T00:00:00Z'))).toBe('today at 9:00 (China time)');
    expect(hours.describeNextOpening('zh', at('2026-12-07T11:00:00Z'))).toBe('明天 9:00（北京时间）');
    expect(hours.describeNextOpening('en', at('2026-12-07T11:00:00Z'))).toBe('tomorrow at 9:00 (China time)');
    expect(hours.describeNextOpening('en', at('2026-12-11T04:30:00Z'))).toBe('today at 13:00 (China time)');
    // Saturday evening: Sunday is closed, so Monday.
    expect(hours.describeNextOpening('zh', at('2026-12-12T12:00:00Z'))).toBe('12月14日（周一）9:00（北京时间）');
    expect(hours.describeNextOpening('en', at('2026-12-12T12:00:00Z'))).toBe('Mon 14 Dec at 9:00 (China time)');
  });

  it('should skip closed dates', () => {
    const holidays = new StaffHours({ ...base, holidays: ['2026-12-08', '2026-12-09'] });
    expect(holidays.isOpen(at('2026-12-08T02:00:00Z'))).toBe(false);
    expect(holidays.describeNextOpening('en', at('2026-12-07T11:00:00Z'))).toBe('Thu 10 Dec at 9:00 (China time)');
  });

  it('should summarise the week with equal consecutive days grouped', () => {
    expect(hours.summary('zh')).toBe('周一至周四 9:00–18:00，周五 9:00–12:00、13:00–18:00，周六 10:00–16:00（北京时间）');
    expect(hours.summary('en')).toBe('Mon–Thu 9:00–18:00, Fri 9:00–12:00, 13:00–18:00, Sat 10:00–16:00 (China time)');
  });

  it('should read the built-in domain: every day 9:00–22:00 China time, as the bot used to say', () => {
    const shipped = staffHoursOf(builtInDomain());
    expect(shipped.summary('zh')).toBe('每天 9:00–22:00（北京时间）');
    expect(shipped.summary('en')).toBe('daily 9:00–22:00 (China time)');
    expect(shipped.isOpen(at('2026-12-07T13:59:00Z'))).toBe(true); // 21:59
    expect(shipped.isOpen(at('2026-12-07T14:00:00Z'))).toBe(false); // 22:00
  });

  it('should take a configured file (KEFU_STAFF_HOURS_FILE) over the domain, and the domain without one', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'kefu-hours-')), 'hours.json');
    fs.writeFileSync(file, JSON.stringify(base));
    expect(staffHoursOf(builtInDomain(), file).summary('en')).toMatch(/^Mon–Thu 9:00–18:00/);
    expect(staffHoursOf(builtInDomain(), file).summary('zh')).toMatch(/^周一至周四 9:00–18:00/);
    expect(staffHoursOf(builtInDomain(), undefined).summary('en')).toBe('daily 9:00–22:00 (China time)');
    expect(staffHoursOf(builtInDomain(), undefined).summary('zh')).toBe('每天 9:00–22:00（北京时间）');
  });

  it('should refuse a bad file with a message naming the problem', () => {
    expect(() => new StaffHours({ ...base, timeZone: 'Mars/Olympus' })).toThrow(RangeError);
    expect(() => new StaffHours({ ...base, weekly: { mon: [['18:00', '09:00']] } })).toThrow(/ends before it starts/);
    expect(() => new StaffHours({ ...base, weekly: { mon: [['9am', '18:00']] } })).toThrow(/not a time HH:MM/);
    expect(() => new StaffHours({ ...base, weekly: { mon: [['09:00', '24:30']] } })).toThrow(/not a time HH:MM/);
    expect(() => new StaffHours({ ...base, holidays: ['8 Dec'] })).toThrow(/YYYY-MM-DD/);
    expect(() => new StaffHours({ ...base, minutesPerConversation: 0 })).toThrow(/minutesPerConversation/);
    expect(() => new StaffHours({ ...base, zoneName: { zh: '北京时间' } as StaffHoursData['zoneName'] })).toThrow(/zoneName/);
  });
});
