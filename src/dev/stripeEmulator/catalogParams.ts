import type { StripeParams } from './types'

import { StripeApiError } from './StripeApiError'

/**
 * The parameters of the catalog calls an app makes to sell without the Stripe dashboard:
 * `POST /v1/products` (createProduct.ts), `POST /v1/prices` (createPrice.ts) and
 * `POST /v1/prices/:id` (updatePrice.ts, archiving with `active=false`). Parameters are
 * checked against the pinned SDK's `ProductCreateParams`, `PriceCreateParams` and
 * `PriceUpdateParams` (tests/fidelity compares these lists with the types): an unknown one is
 * refused as Stripe refuses it, a known one the emulator cannot act on is refused with a message
 * saying so, rather than silently ignored.
 */

export const PRODUCT_CREATE_PARAMS = {
  emulated: ['name', 'active', 'description', 'expand', 'id', 'metadata', 'type'],
  notEmulated: [
    'default_price_data',
    'images',
    'marketing_features',
    'package_dimensions',
    'shippable',
    'statement_descriptor',
    'tax_code',
    'tax_details',
    'unit_label',
    'url',
  ],
}

export const PRICE_CREATE_PARAMS = {
  emulated: [
    'currency',
    'active',
    'expand',
    'lookup_key',
    'metadata',
    'nickname',
    'product',
    'recurring',
    'unit_amount',
  ],
  notEmulated: [
    'billing_scheme',
    'currency_options',
    'custom_unit_amount',
    'product_data',
    'tax_behavior',
    'tiers',
    'tiers_mode',
    'transfer_lookup_key',
    'transform_quantity',
    'unit_amount_decimal',
  ],
}

export const PRICE_UPDATE_PARAMS = {
  emulated: ['active', 'expand', 'metadata', 'nickname', 'lookup_key'],
  notEmulated: ['currency_options', 'tax_behavior', 'transfer_lookup_key'],
}

/** Every parameter name each call takes in the pinned SDK, for the fidelity test. */
export const CATALOG_PARAMS = {
  ProductCreateParams: [...PRODUCT_CREATE_PARAMS.emulated, ...PRODUCT_CREATE_PARAMS.notEmulated],
  PriceCreateParams: [...PRICE_CREATE_PARAMS.emulated, ...PRICE_CREATE_PARAMS.notEmulated],
  PriceUpdateParams: [...PRICE_UPDATE_PARAMS.emulated, ...PRICE_UPDATE_PARAMS.notEmulated],
}

/** Refuses a parameter the call does not take, or one the emulator cannot act on. */
export function checkParamNames(
  params: StripeParams,
  accepted: { emulated: string[]; notEmulated: string[] },
): void {
  for (const name of Object.keys(params)) {
    if (accepted.notEmulated.includes(name))
      throw StripeApiError.invalidParameter({
        param: name,
        message: `The Stripe emulator does not emulate ${name}; leave it out, or test against Stripe's test mode.`,
      })
    if (!accepted.emulated.includes(name)) throw StripeApiError.parameterUnknown(name)
  }
}
