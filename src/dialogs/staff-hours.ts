/**
 * @module dialogs/staff-hours
 * Staff hours are domain data (`domain.json` `staffHours`; the class lives in `domain/staff-hours`).
 * A file named by `KEFU_STAFF_HOURS_FILE` replaces the domain's.
 */
import type { Domain } from '../domain/types';
import { StaffHours } from '../domain/staff-hours';

export { StaffHours, type LocalTime, type StaffHoursData } from '../domain/staff-hours';

/**
 * The staff hours the bot keeps: the file's when one is configured, else the domain's.
 * @example staffHoursOf(domain, config.staffHoursFile)
 */
export function staffHoursOf(domain: Domain, file?: string): StaffHours {
  return file ? StaffHours.load(file) : new StaffHours(domain.staffHours);
}
