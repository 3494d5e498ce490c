import { describe, expect, it } from 'vitest'

import { reportFieldErrors } from '@/storefront/hooks/reportFieldErrors'

const hookArgs = (error: unknown) =>
  ({ error, collection: {}, context: {}, req: {}, result: {} }) as unknown as Parameters<
    typeof reportFieldErrors
  >[0]

describe('field errors reach the admin form whatever copy of ValidationError threw them', () => {
  it('a validation error recognised by shape keeps its per-field messages in the answer', () => {
    // Not an instance of Payload's class: what a second bundled copy of it looks like.
    const error = Object.assign(new Error('The following field is invalid: File name'), {
      name: 'i',
      status: 400,
      isPublic: true,
      data: {
        collection: 'products',
        errors: [
          { path: 'assetFilename', message: 'There is no file "x.zip" in private/products.' },
        ],
      },
    })
    expect(reportFieldErrors(hookArgs(error))).toEqual({
      status: 400,
      response: {
        errors: [
          {
            name: 'ValidationError',
            message: 'The following field is invalid: File name',
            data: error.data,
          },
        ],
      },
    })
  })

  it('leaves other errors to Payload (private ones stay hidden)', () => {
    expect(reportFieldErrors(hookArgs(new Error('db down')))).toBeUndefined()
    expect(
      reportFieldErrors(
        hookArgs({ status: 400, isPublic: false, data: { errors: [{ path: 'a', message: 'b' }] } }),
      ),
    ).toBeUndefined()
  })
})
