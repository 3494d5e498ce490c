/** The id of a payment intent field that Stripe sends either as an id or expanded. */
export function paymentIntentIdOf(
  value: null | string | { id: string } | undefined,
): null | string {
  return typeof value === 'string' ? value : (value?.id ?? null)
}
