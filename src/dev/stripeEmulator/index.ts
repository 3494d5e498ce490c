/** The Stripe emulator's public surface; everything else in this folder is its inside. */
export { createStripeEmulator } from './createStripeEmulator'
export type {
  CheckoutPayment,
  CheckoutPaymentResult,
  DeliveryAttempt,
  EmulatedEvent,
  EmulatorPriceSpec,
  EventRecord,
  RecordedRequest,
  StripeEmulator,
  StripeEmulatorOptions,
  TranscriptEntry,
} from './types'
