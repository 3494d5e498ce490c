import type { EmulatorState } from './createEmulatorState'
import type { StripeParamValue } from './types'

import { StripeApiError } from './StripeApiError'
import { stripeList } from './stripeObjects'

type Expandable = Record<string, unknown>

function expandPath(
  target: Expandable,
  { segments, fullPath, state }: { segments: string[]; fullPath: string; state: EmulatorState },
): void {
  const [field, ...rest] = segments
  if (target.object === 'list' && field === 'data' && Array.isArray(target.data)) {
    if (rest.length > 0)
      for (const item of target.data as Expandable[])
        expandPath(item, { segments: rest, fullPath, state })
    return
  }
  let value = target[field]
  if (field === 'line_items' && target.object === 'checkout.session' && value === undefined) {
    // Line items are an "includable" list: absent unless asked for, then listed in full.
    value = target.line_items = stripeList(
      state.lineItems.get(target.id as string) ?? [],
      `/v1/checkout/sessions/${target.id}/line_items`,
    )
  } else if (typeof value === 'string' && field !== 'id' && field !== 'object') {
    const found = state.findById(value)
    if (!found)
      throw StripeApiError.invalid({
        param: 'expand',
        message: `The Stripe emulator cannot expand ${fullPath}: it does not keep objects like '${value}'.`,
      })
    value = target[field] = structuredClone(found)
  } else if (value === undefined || (typeof value !== 'object' && value !== null)) {
    throw StripeApiError.invalid({
      param: 'expand',
      message: `This property cannot be expanded (${fullPath}).`,
    })
  }
  // A null stays null, as in Stripe; an expanded object can be expanded further.
  if (rest.length > 0 && value !== null && typeof value === 'object')
    expandPath(value as Expandable, { segments: rest, fullPath, state })
}

/**
 * Applies Stripe's `expand` parameter to a response: ids become the objects they name, dotted
 * paths reach into them (`line_items.data.price.product`), at most four levels deep. Works on a copy,
 * so stored objects keep their ids.
 */
export function expandObject<T extends object>(
  object: T,
  { expand, state }: { expand: StripeParamValue | undefined; state: EmulatorState },
): T {
  if (expand === undefined || expand === '') return object
  const paths = typeof expand === 'string' ? [expand] : Array.isArray(expand) ? expand : null
  if (!paths || paths.some((path) => typeof path !== 'string'))
    throw StripeApiError.invalid({ param: 'expand', message: 'Invalid array' })
  const copy = structuredClone(object) as unknown as Expandable
  for (const path of paths as string[]) {
    const segments = path.split('.')
    if (segments.length > 4)
      throw StripeApiError.invalid({
        param: 'expand',
        message: `You cannot expand more than 4 levels of a property. Property: ${path}`,
      })
    expandPath(copy, { segments, fullPath: path, state })
  }
  return copy as unknown as T
}
