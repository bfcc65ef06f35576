import { addDays, InvalidInputError, UnprocessableError } from '@liaison/core';

/** A closing date must be a real day, today or later (UTC): a review closes at the end of it. */
export function requireClosingDate(closesOn: string, today: string): void {
  if (addDays(closesOn, 0) !== closesOn) {
    throw new InvalidInputError(`${closesOn} is not a date`, 'invalid_input');
  }
  if (closesOn < today) {
    throw new UnprocessableError(
      `The closing date ${closesOn} has passed (today is ${today}, UTC)`,
      'closing_date_passed',
    );
  }
}
