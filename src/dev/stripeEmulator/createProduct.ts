import type Stripe from 'stripe'

import type { EmulatorContext } from './EmulatorContext'
import type { ApiRequestInfo, StripeParams } from './types'

import { checkParamNames, PRODUCT_CREATE_PARAMS } from './catalogParams'
import { readParam } from './readParam'
import { StripeApiError } from './StripeApiError'
import { newStripeId, stripeFixture } from './stripeObjects'

/** `POST /v1/products`. */
export function createProduct(
  context: EmulatorContext,
  { params, request }: { params: StripeParams; request: ApiRequestInfo },
): Stripe.Product {
  checkParamNames(params, PRODUCT_CREATE_PARAMS)
  const name = readParam.string(params.name, 'name')
  if (!name) throw StripeApiError.parameterMissing('name')
  const type = readParam.string(params.type, 'type') ?? 'service'
  if (type !== 'good' && type !== 'service')
    throw StripeApiError.invalidParameter({
      param: 'type',
      message: `Invalid type: must be one of good or service`,
    })
  const id = readParam.string(params.id, 'id') ?? newStripeId('prod')
  if (context.state.products.has(id))
    throw StripeApiError.invalid({
      param: 'id',
      message: `Product already exists.`,
      code: 'resource_already_exists',
    })
  const created = Math.floor(Date.now() / 1000)
  const product: Stripe.Product = {
    ...stripeFixture('product'),
    id,
    active: readParam.boolean(params.active, 'active') ?? true,
    created,
    default_price: null,
    description: readParam.string(params.description, 'description') ?? null,
    images: [],
    livemode: false,
    marketing_features: [],
    metadata: readParam.metadata(params.metadata, 'metadata'),
    name,
    package_dimensions: null,
    shippable: null,
    tax_details: null,
    type,
    updated: created,
  }
  context.state.products.set(product.id, product)
  context.publishEvent({ type: 'product.created', object: product, request })
  return product
}
