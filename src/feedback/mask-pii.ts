/** Longest query kept in an event; longer ones are cut before sending. */
export const maxQueryLength = 100;

const email = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu;
// Six or more digits, allowing spaces, dots and dashes between them: card, phone, account numbers.
const digitRun = /\d(?:[\s.-]?\d){5,}/g;

/**
 * Replace what looks like personal data with placeholders, so a reader who pastes an email or a card
 * number into the search box or a comment never has it sent. NFKC first: full-width digits count.
 */
export function maskPii(text: string): string {
  return text.normalize('NFKC').replace(email, '[email]').replace(digitRun, '[number]');
}
