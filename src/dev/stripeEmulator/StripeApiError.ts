/** Stripe's error body: the SDK turns `type` and the status code into its typed errors. */
export type StripeErrorBody = {
  type: 'invalid_request_error' | 'idempotency_error' | 'api_error' | 'card_error'
  message: string
  code?: string
  param?: string
  doc_url?: string
}

/** What a 400 names: the parameter at fault (if one is), Stripe's message and error code. */
type InvalidDetails = { param?: string; message: string; code?: string }

/**
 * Thrown by request handlers; the API layer turns it into Stripe's `{ error: {...} }` response,
 * which the real SDK then raises as StripeInvalidRequestError, StripeIdempotencyError and so on.
 */
export class StripeApiError extends Error {
  readonly statusCode: number
  readonly body: StripeErrorBody
  /**
   * Refused while checking the request's parameters, before the endpoint began executing: Stripe
   * saves no idempotent result for such a request, so a corrected retry may reuse the key.
   */
  readonly beforeExecution: boolean

  constructor(
    statusCode: number,
    body: StripeErrorBody,
    { beforeExecution = false }: { beforeExecution?: boolean } = {},
  ) {
    super(body.message)
    this.statusCode = statusCode
    this.beforeExecution = beforeExecution
    this.body =
      body.code && !body.doc_url
        ? {
            ...body,
            doc_url: `https://stripe.com/docs/error-codes/${body.code.replaceAll('_', '-')}`,
          }
        : body
  }

  /** An id in a parameter (400) or in the URL path (404) that names nothing. */
  static resourceMissing({
    objectName,
    id,
    param,
    inPath = false,
  }: {
    objectName: string
    id: string
    param: string
    inPath?: boolean
  }): StripeApiError {
    return new StripeApiError(inPath ? 404 : 400, {
      type: 'invalid_request_error',
      code: 'resource_missing',
      message: `No such ${objectName}: '${id}'`,
      param,
    })
  }

  static parameterMissing(
    param: string,
    message = `Missing required param: ${param}.`,
  ): StripeApiError {
    return new StripeApiError(
      400,
      { type: 'invalid_request_error', code: 'parameter_missing', message, param },
      { beforeExecution: true },
    )
  }

  /** A parameter the endpoint does not take, as for one removed in the pinned API version. */
  static parameterUnknown(param: string): StripeApiError {
    return new StripeApiError(
      400,
      {
        type: 'invalid_request_error',
        code: 'parameter_unknown',
        message: `Received unknown parameter: ${param}`,
        param,
      },
      { beforeExecution: true },
    )
  }

  /** A parameter whose value is malformed (wrong type, out of range, not one of the allowed values). */
  static invalidParameter({ param, message, code }: InvalidDetails): StripeApiError {
    return new StripeApiError(
      400,
      {
        type: 'invalid_request_error',
        message,
        ...(param ? { param } : {}),
        ...(code ? { code } : {}),
      },
      { beforeExecution: true },
    )
  }

  /** A well-formed request the endpoint refused while executing (an inactive price, a charge already refunded). */
  static invalid({ param, message, code }: InvalidDetails): StripeApiError {
    return new StripeApiError(400, {
      type: 'invalid_request_error',
      message,
      ...(param ? { param } : {}),
      ...(code ? { code } : {}),
    })
  }
}
