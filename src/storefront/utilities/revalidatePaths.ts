import type { PayloadRequest } from 'payload'

import { revalidatePath } from 'next/cache'

/** Purges the statically rendered pages at `paths`; outside a Next.js request there is nothing to purge. */
export function revalidatePaths(paths: string[], req: PayloadRequest): void {
  for (const path of paths) {
    try {
      revalidatePath(path)
    } catch (error) {
      // Seed scripts, tests and migrations run outside a Next.js request: there is no page
      // cache there to purge, and Next says so with this invariant. Anything else is a real fault.
      if (!(error instanceof Error && error.message.includes('static generation store missing')))
        throw error
      req.payload.logger.debug(`Skipped revalidating ${path}: not inside a Next.js request.`)
    }
  }
}
