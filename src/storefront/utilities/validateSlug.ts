import type { TextFieldSingleValidation } from 'payload'

export const validateSlug: TextFieldSingleValidation = (value) => {
  if (!value) return 'A product needs a slug: it becomes the page address /products/<slug>.'
  return /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(value)
    ? true
    : `"${value}" cannot be used in a web address: use lowercase letters, digits and single dashes, e.g. "workflow-templates".`
}
