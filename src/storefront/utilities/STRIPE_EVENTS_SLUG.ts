export const STRIPE_EVENTS_SLUG = 'stripe-events'
