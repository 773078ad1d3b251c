/**
 * @module dialogs/staff-hours
 * Staff hours are domain data (`domain.json` `staffHours`): the class lives in `domain/staff-hours`.
 */
export { StaffHours, type LocalTime, type StaffHoursData } from '../domain/staff-hours';
