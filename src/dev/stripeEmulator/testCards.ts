export type TestCard = {
  brand: 'visa' | 'mastercard' | 'amex'
  /** Present for cards Stripe declines; the message is what Checkout shows the shopper. */
  decline?: { code: string; declineCode: string; message: string }
}

/** Stripe's documented test card numbers (https://docs.stripe.com/testing), the ones a shop meets first. */
export const testCards: Record<string, TestCard> = {
  '4242424242424242': { brand: 'visa' },
  '5555555555554444': { brand: 'mastercard' },
  '378282246310005': { brand: 'amex' },
  '4000000000000002': {
    brand: 'visa',
    decline: {
      code: 'card_declined',
      declineCode: 'generic_decline',
      message: 'Your card was declined.',
    },
  },
  '4000000000009995': {
    brand: 'visa',
    decline: {
      code: 'card_declined',
      declineCode: 'insufficient_funds',
      message: 'Your card has insufficient funds.',
    },
  },
  '4000000000000069': {
    brand: 'visa',
    decline: {
      code: 'expired_card',
      declineCode: 'expired_card',
      message: 'Your card has expired.',
    },
  },
}
