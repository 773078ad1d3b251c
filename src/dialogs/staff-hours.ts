/**
 * @module dialogs/staff-hours
 * Staff hours are domain data (`domain.json` `staffHours`; the class lives in `domain/staff-hours`).
 * A file named by `KEFU_STAFF_HOURS_FILE` replaces the domain's.
 */
import path from 'node:path';
import { REPO_ROOT } from '../config';
import type { Domain } from '../domain/types';
import { StaffHours } from '../domain/staff-hours';

export { StaffHours, type LocalTime, type StaffHoursData } from '../domain/staff-hours';

/** Where staff hours lived before `domain.json`; a config default that still names it means "not set". */
const FORMER_DEFAULT_FILE = path.join(REPO_ROOT, 'dialogs', 'staff-hours.json');

/**
 * The staff hours the bot keeps: the file's when one is configured, else the domain's.
 * @example staffHoursOf(domain, process.env.KEFU_STAFF_HOURS_FILE)
 */
export function staffHoursOf(domain: Domain, file?: string): StaffHours {
  return file && path.resolve(file) !== FORMER_DEFAULT_FILE ? StaffHours.load(file) : new StaffHours(domain.staffHours);
}
