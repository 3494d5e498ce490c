import type { Payload } from 'payload'
import { ALLOW_UNCONFIRMED_PRICE } from 'payload-plugin-storefront'

import { demoProducts, demoUsers } from './demoData'

/**
 * Creates the demo users and products that are missing (matched by email and slug),
 * so running it twice changes nothing.
 */
export async function seed(payload: Payload): Promise<void> {
  if (process.env.NODE_ENV === 'production') {
    throw new Error('Refusing to seed demo users with known passwords while NODE_ENV=production.')
  }
  for (const user of demoUsers) {
    const existing = await payload.count({
      collection: 'users',
      where: { email: { equals: user.email } },
    })
    if (existing.totalDocs > 0) continue
    await payload.create({ collection: 'users', data: { ...user, roles: [...user.roles] } })
  }
  for (const product of demoProducts) {
    const existing = await payload.count({
      collection: 'products',
      where: { slug: { equals: product.slug } },
    })
    if (existing.totalDocs > 0) continue
    await payload.create({
      collection: 'products',
      data: { ...product, _status: 'published' },
      // Demo prices exist in the offline Stripe emulator, which a build's seed runs without.
      context: { disableRevalidate: true, [ALLOW_UNCONFIRMED_PRICE]: true },
    })
  }
  payload.logger.info(
    [
      'Demo data ready. Dev-only sign-ins:',
      ...demoUsers.map((user) => `  ${user.roles[0].padEnd(8)} ${user.email} / ${user.password}`),
    ].join('\n'),
  )
}
