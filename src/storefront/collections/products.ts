import type {
  CollectionConfig,
  CollectionSlug,
  FieldHook,
  NumberFieldSingleValidation,
  SelectFieldSingleValidation,
  TextFieldSingleValidation,
} from 'payload'

import path from 'node:path'

import type { ResolvedStorefrontOptions } from '../types'

import { publishedOrEditors, rolesOnly, userHasRole } from '../access'
import type { ProductFileStore } from '../storage/productFiles'

import {
  ALLOW_UNCONFIRMED_PRICE,
  PLACEHOLDER_MARKER,
  PRICING_WAITS_FOR_OTHER_FIELDS,
  PRODUCT_FILES_SLUG,
  PRODUCTS_SLUG,
  SLUG_MAX_LENGTH,
  SLUG_PATTERN,
  STRIPE_ID_MAX_LENGTH,
} from '../constants'
import { productFileStoreFor } from '../storage/productFiles'
import { PRODUCT_CURRENCIES } from '../utilities/currencies'
import { explainUnsafeFileName } from '../utilities/fileNames'
import { slugFromTitle } from '../utilities/slugFromTitle'
import { stripeModeOf } from '../utilities/stripeDashboard'

const READ_ONLY_TEXT = 'payload-plugin-storefront/client#ReadOnlyText'

/** Stripe's largest `unit_amount`: eight digits in the currency's smallest unit. */
const MAX_STRIPE_UNIT_AMOUNT = 99_999_999

const isPublished = (data: unknown) =>
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
function displayFolder(dir: string): string {
  const relative = path.relative(process.cwd(), path.resolve(dir))
  return relative && !relative.startsWith('..') ? relative : path.basename(dir)
}

/** An empty slug becomes the title's, so a new product needs only a title to get an address. */
const fillSlugFromTitle: FieldHook = ({ value, data }) => {
  if (typeof value === 'string' && value.trim()) return value
  const title = (data as { title?: unknown } | undefined)?.title
  return typeof title === 'string' ? slugFromTitle(title) || value : value
}

/** The products collection without behaviour hooks; `index.ts` adds those unless disabled. */
export function createProductsCollection(options: ResolvedStorefrontOptions): CollectionConfig {
  const editors = rolesOnly(options.editorRoles)
  const folder = displayFolder(options.productFilesDir)
  const systemOnly = { create: () => false, update: () => false }
  return {
    slug: PRODUCTS_SLUG,
    admin: {
      // Editors work here; support and customers have no use for the list.
      hidden: ({ user }) => !userHasRole(user, options.editorRoles),
      useAsTitle: 'title',
      defaultColumns: ['title', 'slug', 'priceCents', '_status', 'updatedAt'],
      group: 'Shop',
    },
    access: {
      read: publishedOrEditors(options.editorRoles),
      readVersions: editors,
      create: editors,
      update: editors,
      delete: editors,
    },
    // Drafts give editors publish/unpublish; validate them too so a bad file name never lands.
    versions: { drafts: { validate: true } },
    fields: [
      {
        // What stopped the last save, in full, above the form.
        name: 'publishProblems',
        type: 'ui',
        admin: { components: { Field: 'payload-plugin-storefront/client#PublishProblems' } },
      },
      { name: 'title', type: 'text', required: true },
      {
        name: 'slug',
        type: 'text',
        required: true,
        unique: true,
        index: true,
        validate: validateSlug,
        hooks: { beforeValidate: [fillSlugFromTitle] },
        admin: {
          position: 'sidebar',
          description:
            'The page address: /products/<slug>. Filled in from the title; edit it before the first publish, since links to the page use it.',
          components: { Field: 'payload-plugin-storefront/client#SlugField' },
        },
      },
      { name: 'description', type: 'richText' },
      {
        type: 'row',
        fields: [
          {
            name: 'priceCents',
            label: 'Price',
            type: 'number',
            required: true,
            validate: validatePriceCents,
            admin: {
              description: 'What the buyer pays, e.g. 49.00.',
              components: {
                Field: 'payload-plugin-storefront/client#MoneyField',
                Cell: 'payload-plugin-storefront/client#MoneyCell',
              },
            },
          },
          {
            name: 'currency',
            type: 'select',
            required: true,
            defaultValue: 'usd',
            options: PRODUCT_CURRENCIES.map(({ value, label }) => ({ value, label })),
            validate: validateCurrency,
            admin: { isClearable: false },
          },
        ],
      },
      {
        name: 'stripePriceId',
        label: 'Stripe price ID',
        type: 'text',
        unique: true,
        index: true,
        validate: validateStripePriceId,
        admin: {
          description:
            'Leave empty: publishing creates the product and its price in Stripe, and a new price when the price above changes. Or paste an existing one-time price (price_...), which is checked against Stripe.',
        },
      },
      {
        name: 'stripeProductId',
        label: 'Stripe product ID',
        type: 'text',
        access: systemOnly,
        admin: {
          readOnly: true,
          position: 'sidebar',
          components: {
            Field: {
              path: 'payload-plugin-storefront/client#StripeLink',
              clientProps: { mode: stripeModeOf(options.stripe.secretKey) },
            },
          },
        },
      },
      {
        name: 'stripePriceVerification',
        label: 'Stripe price check',
        type: 'select',
        defaultValue: 'unchecked',
        options: [
          { label: 'Verified with Stripe', value: 'verified' },
          { label: 'Not yet confirmed', value: 'unchecked' },
        ],
        access: systemOnly,
        admin: { readOnly: true, position: 'sidebar', components: { Field: READ_ONLY_TEXT } },
      },
      {
        name: 'stripePriceVerificationNote',
        label: 'Why not yet confirmed',
        type: 'text',
        defaultValue: 'The price is created or checked in Stripe when the product is published.',
        access: systemOnly,
        admin: {
          readOnly: true,
          position: 'sidebar',
          condition: (data) => data?.stripePriceVerification !== 'verified',
          components: { Field: READ_ONLY_TEXT },
        },
      },
      {
        name: 'stripePriceVerifiedAt',
        label: 'Verified at',
        type: 'date',
        access: systemOnly,
        admin: {
          readOnly: true,
          position: 'sidebar',
          components: {
            Field: { path: READ_ONLY_TEXT, clientProps: { format: 'date' } },
          },
        },
      },
      {
        name: 'file',
        label: 'File',
        type: 'upload',
        relationTo: PRODUCT_FILES_SLUG as CollectionSlug,
        admin: {
          description:
            'What shoppers download: upload it here (any type, large files are fine). Uploading a new version, here or under Product files, is what every buyer downloads next.',
        },
      },
      {
        name: 'assetFilename',
        label: 'File name',
        type: 'text',
        validate: validateAssetFile(productFileStoreFor(options), folder),
        admin: {
          // Fixed text: descriptions land in the generated types, which must not vary with where
          // this machine keeps the files (tests and benchmarks use a folder of their own).
          description:
            'The name of the file shoppers download, in the product files folder: filled in from the upload above, or type the name of a file copied into that folder.',
        },
      },
    ],
  }
}
