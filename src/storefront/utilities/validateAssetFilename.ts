import type { TextFieldSingleValidation } from 'payload'

import { explainUnsafeFileName } from './explainUnsafeFileName'

export const validateAssetFilename: TextFieldSingleValidation = (value, { data }) => {
  const published = (data as { _status?: string } | undefined)?._status === 'published'
  if (!value)
    return published
      ? 'A published product needs a file to download (a file name under private/products).'
      : true
  const problem = explainUnsafeFileName(value)
  return problem
    ? `The file name ${problem}, e.g. "workflow-templates.zip" inside private/products.`
    : true
}
