import type { PayloadRequest } from 'payload'

export type CheckoutBody = { productSlug: unknown; isFormPost: boolean }

/**
 * Reads `productSlug` from a JSON body (fetch from the Buy button) or a urlencoded form
 * (the same button without JavaScript). Returns null for a body that is neither.
 */
export async function readCheckoutBody(req: PayloadRequest): Promise<CheckoutBody | null> {
  const contentType = req.headers.get('content-type')?.split(';')[0].trim().toLowerCase() ?? ''
  const raw = (await req.text?.()) ?? ''
  if (contentType === 'application/x-www-form-urlencoded') {
    return { productSlug: new URLSearchParams(raw).get('productSlug'), isFormPost: true }
  }
  if (contentType === 'multipart/form-data') {
    try {
      const form = await new Response(raw, {
        headers: { 'content-type': req.headers.get('content-type')! },
      }).formData()
      return { productSlug: form.get('productSlug'), isFormPost: true }
    } catch {
      return null
    }
  }
  if (contentType === 'application/json' || contentType === '') {
    try {
      const parsed: unknown = JSON.parse(raw)
      return {
        productSlug: (parsed as { productSlug?: unknown } | null)?.productSlug,
        isFormPost: false,
      }
    } catch {
      return null
    }
  }
  return null
}
