/** Stripe's list envelope; the emulator never pages, so `has_more` is always false. */
export function stripeList<T>(
  data: T[],
  url: string,
): { object: 'list'; data: T[]; has_more: false; url: string } {
  return { object: 'list', data, has_more: false, url }
}
