import type { CollectionConfig, CollectionSlug, FieldHook } from 'payload'

import type { ResolvedStorefrontOptions } from '../types'

import { publishedOrEditors, rolesOnly, userHasRole } from '../access'
import { PRODUCT_FILES_SLUG, PRODUCTS_SLUG } from '../constants'
import { productFileStoreFor } from '../storage/productFiles'
import { PRODUCT_CURRENCIES } from '../utilities/currencies'
import { slugFromTitle } from '../utilities/slugFromTitle'
import { stripeModeOf } from '../utilities/stripeDashboard'
import {
  displayFolder,
  validateAssetFile,
  validateCurrency,
  validatePriceCents,
  validateSlug,
  validateStripePriceId,
} from './productValidation'

const READ_ONLY_TEXT = 'payload-plugin-storefront/client#ReadOnlyText'

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
