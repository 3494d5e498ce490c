import type { CollectionConfig } from 'payload'

/**
 * The shop's addition to the plugin's products: an optional picture from the Media collection,
 * shown on the catalog card and the product page.
 */
export function withProductImage(products: CollectionConfig): CollectionConfig {
  return {
    ...products,
    fields: [
      ...products.fields,
      {
        name: 'image',
        type: 'upload',
        relationTo: 'media',
        admin: {
          position: 'sidebar',
          description: 'Optional picture for the catalog card and the product page.',
        },
      },
    ],
  }
}
