import type {
  CollectionSlug,
  NumberFieldSingleValidation,
  SelectFieldSingleValidation,
  TextFieldSingleValidation,
} from 'payload'

import path from 'node:path'

import type { ProductFileStore } from '../storage/productFiles'

import {
  ALLOW_UNCONFIRMED_PRICE,
  PLACEHOLDER_MARKER,
  PRICING_WAITS_FOR_OTHER_FIELDS,
  PRODUCTS_SLUG,
  SLUG_MAX_LENGTH,
  SLUG_PATTERN,
  STRIPE_ID_MAX_LENGTH,
} from '../constants'
import { PRODUCT_CURRENCIES } from '../utilities/currencies'
import { explainUnsafeFileName } from '../utilities/fileNames'

/**
 * What a product must satisfy to be saved, and more to be published: each validator answers with a
 * sentence an editor can act on. Drafts may be incomplete.
 */

/** Stripe's largest `unit_amount`: eight digits in the currency's smallest unit. */
export const MAX_STRIPE_UNIT_AMOUNT = 99_999_999

export const isPublished = (data: unknown) =>
  (data as { _status?: string } | undefined)?._status === 'published'

export const validateSlug: TextFieldSingleValidation = (value) => {
  if (!value) return 'A product needs a slug: it becomes the page address /products/<slug>.'
  if (value.length > SLUG_MAX_LENGTH) {
    return `The slug is ${value.length} characters long; keep it to ${SLUG_MAX_LENGTH} or fewer.`
  }
  return SLUG_PATTERN.test(value)
    ? true
    : `"${value}" cannot be used in a web address: use lowercase letters, digits and single dashes, e.g. "workflow-templates".`
}

export const validatePriceCents: NumberFieldSingleValidation = (value) => {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    return 'Enter the price as an amount of money of zero or more, e.g. 49.00.'
  }
  if (value > MAX_STRIPE_UNIT_AMOUNT) {
    return 'Stripe accepts prices of up to eight digits in the smallest unit (999,999.99 for dollars); enter a lower price.'
  }
  return true
}

export const validateCurrency: SelectFieldSingleValidation = (value) =>
  typeof value === 'string' && PRODUCT_CURRENCIES.some((currency) => currency.value === value)
    ? true
    : `Pick the currency from the list (${PRODUCT_CURRENCIES.map((currency) => currency.value.toUpperCase()).join(', ')}).`

/**
 * A Stripe price id looks like `price_...` and backs one product only. Publishing needs a price
 * that Stripe confirmed (the publish hook creates or checks it and leaves a note when it could
 * not): while saving, a published product without one is refused with that note.
 */
export const validateStripePriceId: TextFieldSingleValidation = async (value, options) => {
  const { data, event, id, req } = options
  const published = isPublished(data)
  if (value) {
    if (!value.startsWith('price_')) {
      return `"${value}" is not a Stripe price ID: it must start with "price_" (a product ID starts with "prod_"; open the product in Stripe and copy the price's ID), or leave the field empty to let the shop create the price.`
    }
    if (/\s/.test(value)) return 'The Stripe price ID must not contain spaces.'
    if (value.length > STRIPE_ID_MAX_LENGTH) {
      return `The Stripe price ID is longer than Stripe's ${STRIPE_ID_MAX_LENGTH} characters: check what was pasted.`
    }
    if (published && value.includes(PLACEHOLDER_MARKER)) {
      return `The Stripe price ID still contains the placeholder "${PLACEHOLDER_MARKER}". Clear it to let the shop create the price, or paste the real price ID from Stripe, before publishing.`
    }
    const { docs } = await req.payload.find({
      collection: PRODUCTS_SLUG as CollectionSlug,
      where: {
        and: [
          { stripePriceId: { equals: value } },
          ...(id !== undefined ? [{ id: { not_equals: id } }] : []),
        ],
      },
      limit: 1,
      depth: 0,
      draft: false,
      overrideAccess: true,
      req,
    })
    const other = docs[0] as undefined | { title?: string }
    if (other) {
      return `The Stripe price ${value} already sells "${other.title}"; each product needs a price of its own. Clear the field to let the shop create one.`
    }
  }
  // Only while saving: the admin's form checks fields as they are typed, before the publish hook ran.
  if (published && event === 'submit') {
    const verification = data as {
      stripePriceVerification?: string
      stripePriceVerificationNote?: null | string
    }
    // Another field is wrong and its own error says what to fix; the price is checked once it is.
    if (verification.stripePriceVerificationNote === PRICING_WAITS_FOR_OTHER_FIELDS) return true
    if (req.context?.[ALLOW_UNCONFIRMED_PRICE] === true) return true
    if (verification.stripePriceVerification !== 'verified') {
      return (
        verification.stripePriceVerificationNote ||
        'The price has not been confirmed by Stripe, so the product cannot be published. Publish again, or save as a draft.'
      )
    }
  }
  return true
}

/** The file name's form only; `validateAssetFile` also checks that a published product's file exists. */
export const validateAssetFilename: TextFieldSingleValidation = (value, { data }) => {
  if (!value) {
    return isPublished(data)
      ? 'A published product needs a file for buyers to download: upload it under File above, or save as a draft.'
      : true
  }
  const problem = explainUnsafeFileName(value)
  return problem
    ? `The file name ${problem}, e.g. "workflow-templates.zip" inside private/products.`
    : true
}

/**
 * A published product must name a file that is there: otherwise it would be sold and every
 * download would fail. Drafts may name a file that is still to be uploaded.
 */
export function validateAssetFile(
  store: ProductFileStore,
  folder: string,
): TextFieldSingleValidation {
  return async (value, options) => {
    const formProblem = validateAssetFilename(value, options)
    if (formProblem !== true || !value || !isPublished(options.data)) return formProblem
    const located = await store.locate(value)
    if (located.status === 'found') return true
    if (located.status === 'outside') {
      return `The file "${value}" leads outside ${folder} (through a link), so it cannot be sold. Upload the file instead.`
    }
    return `There is no file "${value}" in ${folder}. Upload the file above (or copy it into that folder) before publishing, or save as a draft.`
  }
}

/**
 * The folder as editors should read it in a validation message: relative to the project, never
 * this machine's absolute path.
 */
export function displayFolder(dir: string): string {
  const relative = path.relative(process.cwd(), path.resolve(dir))
  return relative && !relative.startsWith('..') ? relative : path.basename(dir)
}
