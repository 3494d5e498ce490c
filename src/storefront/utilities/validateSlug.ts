import type { TextFieldSingleValidation } from 'payload'

import { SLUG_PATTERN } from './SLUG_PATTERN'

export const validateSlug: TextFieldSingleValidation = (value) => {
  if (!value) return 'A product needs a slug: it becomes the page address /products/<slug>.'
  return SLUG_PATTERN.test(value)
    ? true
    : `"${value}" cannot be used in a web address: use lowercase letters, digits and single dashes, e.g. "workflow-templates".`
}
