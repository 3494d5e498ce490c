import type { CollectionConfig } from 'payload'

import type { ResolvedStorefrontOptions } from '../types'

import { editorsOnly } from '../access/editorsOnly'
import { PRODUCTS_SLUG } from '../utilities/PRODUCTS_SLUG'
import { publishedOrEditors } from '../access/publishedOrEditors'
import { validateAssetFilename } from '../utilities/validateAssetFilename'
import { validateCurrency } from '../utilities/validateCurrency'
import { validatePriceCents } from '../utilities/validatePriceCents'
import { validateSlug } from '../utilities/validateSlug'
import { validateStripePriceId } from '../utilities/validateStripePriceId'

/** The products collection without behaviour hooks; `index.ts` adds those unless disabled. */
export function createProductsCollection(options: ResolvedStorefrontOptions): CollectionConfig {
  const editors = editorsOnly(options.editorRoles)
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
        access: { create: () => false, update: () => false },
        admin: { readOnly: true, position: 'sidebar' },
      },
      {
        name: 'stripePriceVerificationNote',
        label: 'Why unchecked',
        type: 'text',
        access: { create: () => false, update: () => false },
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
        access: { create: () => false, update: () => false },
        admin: { readOnly: true, position: 'sidebar', date: { pickerAppearance: 'dayAndTime' } },
      },
      {
        name: 'assetFilename',
        label: 'File',
        type: 'text',
        validate: validateAssetFilename,
        admin: {
          description: `The file shoppers download, by name, inside ${options.productFilesDir}.`,
        },
      },
    ],
  }
}
