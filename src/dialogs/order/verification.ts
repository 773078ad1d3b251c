/**
 * @module dialogs/order/verification
 * The anonymous shopper's proof: the last four digits of the customer's phone, or their e-mail.
 * Phones compare digits only ("+86 138-0013-8000" ends in 8000); which four digits of the message
 * are the answer is `privacy/verification-digits` (the redaction masks the same ones).
 */
import type { Customer } from '../../core/shop';
import { answerDigits } from '../../privacy/verification-digits';

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/;

export function answerMatches(answer: string, customer: Customer | null): boolean {
  if (!customer) return false;
  const email = answer.match(EMAIL)?.[0];
  if (email) return Boolean(customer.email) && email.toLowerCase() === customer.email!.trim().toLowerCase();
  const digits = answerDigits(answer);
  const phone = (customer.phone ?? '').replace(/\D/g, '');
  if (!digits || phone.length < 4) return false;
  return phone.endsWith(digits);
}

/** Whether the text is shaped like an answer to the verification question at all. */
export function looksLikeVerificationAnswer(text: string): boolean {
  return EMAIL.test(text) || answerDigits(text) !== undefined;
}
