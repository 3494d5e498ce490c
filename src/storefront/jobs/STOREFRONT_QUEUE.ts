/** The Payload jobs queue the plugin's tasks run on. */
export const STOREFRONT_QUEUE = 'storefront'
