import type {
  CollectionConfig,
  CollectionSlug,
  NumberFieldSingleValidation,
  TextFieldSingleValidation,
} from 'payload'

import path from 'node:path'

import type { ResolvedStorefrontOptions } from '../types'

import { publishedOrEditors, rolesOnly } from '../access'
import type { ProductFileStore } from '../storage/productFiles'

import {
  CURRENCY_PATTERN,
  PLACEHOLDER_MARKER,
  PRODUCT_FILES_SLUG,
  PRODUCTS_SLUG,
  SLUG_MAX_LENGTH,
  SLUG_PATTERN,
  STRIPE_ID_MAX_LENGTH,
} from '../constants'
import { productFileStoreFor } from '../storage/productFiles'
import { explainUnsafeFileName } from '../utilities/fileNames'

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
    return 'Enter the price in the smallest currency unit as a whole number, e.g. 4900 for $49.00.'
  }
  return true
}

export const validateCurrency: TextFieldSingleValidation = (value) =>
  typeof value === 'string' && CURRENCY_PATTERN.test(value)
    ? true
    : 'Use a three-letter ISO currency code in lowercase, as Stripe does, e.g. "usd" or "eur".'

/**
 * A Stripe price id looks like `price_...`. Drafts may keep the seed's placeholder,
 * but a published product must name a real price, or checkout would fail for shoppers.
 */
export const validateStripePriceId: TextFieldSingleValidation = (value, { data }) => {
  const published = isPublished(data)
  if (!value) {
    return published
      ? 'A published product needs a Stripe price ID (price_...). Copy it from the Stripe dashboard.'
      : true
  }
  if (!value.startsWith('price_')) {
    return `"${value}" is not a Stripe price ID: it must start with "price_" (a product id starts with "prod_"; open the product in Stripe and copy the price's id).`
  }
  if (/\s/.test(value)) return 'The Stripe price ID must not contain spaces.'
  if (value.length > STRIPE_ID_MAX_LENGTH) {
    return `The Stripe price ID is longer than Stripe's ${STRIPE_ID_MAX_LENGTH} characters: check what was pasted.`
  }
  if (published && value.includes(PLACEHOLDER_MARKER)) {
    return `The Stripe price ID still contains the placeholder "${PLACEHOLDER_MARKER}". Replace it with the real price ID from Stripe before publishing, or save as a draft.`
  }
  return true
}

/** The file name's form only; `validateAssetFile` also checks that a published product's file exists. */
export const validateAssetFilename: TextFieldSingleValidation = (value, { data }) => {
  if (!value) {
    return isPublished(data)
      ? 'A published product needs a file to download (a file name under private/products).'
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

/** The products collection without behaviour hooks; `index.ts` adds those unless disabled. */
export function createProductsCollection(options: ResolvedStorefrontOptions): CollectionConfig {
  const editors = rolesOnly(options.editorRoles)
  const folder = displayFolder(options.productFilesDir)
  const systemOnly = { create: () => false, update: () => false }
  return {
    slug: PRODUCTS_SLUG,
    admin: {
      useAsTitle: 'title',
      defaultColumns: ['title', 'slug', 'priceCents', 'currency', '_status', 'updatedAt'],
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
      { name: 'title', type: 'text', required: true },
      {
        name: 'slug',
        type: 'text',
        required: true,
        unique: true,
        index: true,
        validate: validateSlug,
        admin: { position: 'sidebar', description: 'The page address: /products/<slug>.' },
      },
      { name: 'description', type: 'richText' },
      {
        type: 'row',
        fields: [
          {
            name: 'priceCents',
            label: 'Price (in cents)',
            type: 'number',
            required: true,
            validate: validatePriceCents,
            admin: { description: 'Smallest currency unit: 4900 is $49.00.' },
          },
          {
            name: 'currency',
            type: 'text',
            required: true,
            defaultValue: 'usd',
            validate: validateCurrency,
            admin: { description: 'Lowercase ISO code, as Stripe uses: usd, eur, gbp.' },
          },
        ],
      },
      {
        name: 'stripePriceId',
        label: 'Stripe price ID',
        type: 'text',
        validate: validateStripePriceId,
        admin: { description: 'The one-time price in Stripe (price_...). Required to publish.' },
      },
      {
        name: 'stripePriceVerification',
        label: 'Stripe price check',
        type: 'select',
        defaultValue: 'unchecked',
        options: [
          { label: 'Verified with Stripe', value: 'verified' },
          { label: 'Unchecked', value: 'unchecked' },
        ],
        access: systemOnly,
        admin: { readOnly: true, position: 'sidebar' },
      },
      {
        name: 'stripePriceVerificationNote',
        label: 'Why unchecked',
        type: 'text',
        access: systemOnly,
        admin: {
          readOnly: true,
          position: 'sidebar',
          condition: (data) => data?.stripePriceVerification !== 'verified',
        },
      },
      {
        name: 'stripePriceVerifiedAt',
        label: 'Verified at',
        type: 'date',
        access: systemOnly,
        admin: { readOnly: true, position: 'sidebar', date: { pickerAppearance: 'dayAndTime' } },
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
