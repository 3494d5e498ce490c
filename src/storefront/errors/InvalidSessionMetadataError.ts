/** A checkout session this shop cannot attribute: Stripe is told 400 and nothing is created. */
export class InvalidSessionMetadataError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'InvalidSessionMetadataError'
  }
}
