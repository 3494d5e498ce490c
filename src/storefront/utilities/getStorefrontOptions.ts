import type { Payload } from 'payload'

import type { ResolvedStorefrontOptions } from '../types'

/** The plugin's resolved options, kept on the config so app pages can call the plugin's functions. */
export function getStorefrontOptions(payload: Payload): ResolvedStorefrontOptions {
  const options = (payload.config.custom as { storefront?: ResolvedStorefrontOptions } | undefined)
    ?.storefront
  if (!options)
    throw new Error(
      'The storefront plugin is not installed: add storefront() to the plugins of payload.config.ts.',
    )
  return options
}
