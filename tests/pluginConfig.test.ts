import type { Access, CollectionConfig, Config, Endpoint, PayloadRequest } from 'payload'

import { describe, expect, it } from 'vitest'

import {
  PRODUCTS_SLUG,
  PURCHASES_SLUG,
  STRIPE_EVENTS_SLUG,
  storefront,
} from 'payload-plugin-storefront'

/**
 * What each plugin option does to the host app's config: checked on the config the plugin
 * returns, the way Payload reads it. (tests/pluginOptions.test.ts covers `email.from` and
 * `routes` on a running shop; tests/jobsAutoRun.test.ts covers `jobsAutoRunCron`.)
 */

const email = { from: 'Shop <shop@test.example>' }
const hostCollections: CollectionConfig[] = [
  { slug: 'customers', auth: true, fields: [] },
  {
    slug: PRODUCTS_SLUG,
    fields: [],
    hooks: { afterChange: [() => undefined] },
  },
]

function build(options: Parameters<typeof storefront>[0] = {}, config: Partial<Config> = {}) {
  return storefront({ email, ...options })({ collections: [], ...config } as Config)
}

const collection = (config: Config, slug: string) =>
  config.collections!.filter((candidate) => candidate.slug === slug).at(-1)!

/** An access rule as Payload calls it, for a user with these roles. */
const allows = (access: Access | undefined, roles: string[] | null) =>
  access!({ req: { user: roles ? { id: 1, roles, collection: 'users' } : null } as PayloadRequest })

const endpointPaths = (config: Config) =>
  (config.endpoints ?? []).map((endpoint: Endpoint) => `${endpoint.method} ${endpoint.path}`)

describe('storefront() options', () => {
  it('adds its collections, endpoints and tasks to what the app already has', () => {
    const config = build(
      {},
      {
        collections: [{ slug: 'pages', fields: [] }],
        endpoints: [{ path: '/hello', method: 'get', handler: () => Response.json({}) }],
      },
    )
    expect(config.collections!.map((entry) => entry.slug)).toEqual(
      expect.arrayContaining(['pages', PRODUCTS_SLUG, PURCHASES_SLUG, STRIPE_EVENTS_SLUG]),
    )
    expect(endpointPaths(config)).toEqual(
      expect.arrayContaining(['get /hello', 'post /checkout', 'post /stripe/webhook']),
    )
    expect(config.jobs!.tasks!.map((task) => task.slug)).toEqual([
      'storefrontApplyStripeEvent',
      'storefrontSendPurchaseReceipt',
      'storefrontSendPaymentFailedEmail',
      'storefrontReconcile',
    ])
  })

  it('reconciliation: every 15 minutes by default; other divisors of an hour or day; false keeps the task and its schedule (the schema) but never schedules', () => {
    const schedule = (config: Config) =>
      config.jobs!.tasks!.find((task) => task.slug === 'storefrontReconcile')!.schedule!
    expect(schedule(build())[0]).toMatchObject({ cron: '*/15 * * * *', queue: 'storefront' })
    expect(schedule(build({ reconciliation: { everyMinutes: 5 } }))[0].cron).toBe('*/5 * * * *')
    expect(schedule(build({ reconciliation: { everyMinutes: 120 } }))[0].cron).toBe('0 */2 * * *')
    expect(schedule(build({ reconciliation: { everyMinutes: false } }))).toHaveLength(1)
    for (const everyMinutes of [7, 0, 90, 1.5]) {
      expect(() => build({ reconciliation: { everyMinutes } })).toThrow(
        /reconciliation.everyMinutes must divide an hour/,
      )
    }
    expect(() => build({ reconciliation: { overlapMinutes: -1 } })).toThrow(
      /reconciliation.overlapMinutes must be a whole number/,
    )
  })

  it('health.token: at least 32 characters, or none', () => {
    expect(() => build({ health: { token: 'short' } })).toThrow(/at least 32 random characters/)
    expect(() => build({ health: { token: 'x'.repeat(32) } })).not.toThrow()
  })

  it('disabled: keeps the collections and tasks (the schema never changes) but adds no behaviour', () => {
    const on = build()
    const off = build({ disabled: true })
    expect(off.collections!.map((entry) => entry.slug)).toEqual(
      on.collections!.map((entry) => entry.slug),
    )
    expect(off.jobs!.tasks!.map((task) => task.slug)).toEqual(
      on.jobs!.tasks!.map((task) => task.slug),
    )
    expect(endpointPaths(off)).toEqual([])
    expect(off.jobs!.autoRun ?? []).toEqual([])
    expect(collection(off, PRODUCTS_SLUG).hooks?.beforeChange ?? []).toHaveLength(0)
    expect(collection(off, PURCHASES_SLUG).hooks?.afterChange ?? []).toHaveLength(0)
    expect(collection(on, PURCHASES_SLUG).hooks!.afterChange).toHaveLength(1)
  })

  it("appends its hooks to a collection's own hooks instead of replacing them", () => {
    const ownHook = () => undefined
    const config = build({
      overrideProductsCollection: (products) => ({
        ...products,
        hooks: { ...products.hooks, afterChange: [ownHook] },
      }),
    })
    const afterChange = collection(config, PRODUCTS_SLUG).hooks!.afterChange!
    expect(afterChange[0]).toBe(ownHook)
    expect(afterChange.length).toBeGreaterThan(1)
  })

  it('usersSlug: purchases belong to users of that auth collection', () => {
    const config = build({ usersSlug: 'customers' }, { collections: hostCollections })
    const user = collection(config, PURCHASES_SLUG).fields.find(
      (field) => 'name' in field && field.name === 'user',
    )
    expect(user).toMatchObject({ type: 'relationship', relationTo: 'customers' })
  })

  it('editorRoles: who may create, edit and see drafts of products', () => {
    const products = collection(build({ editorRoles: ['merchandiser'] }), PRODUCTS_SLUG)
    for (const operation of ['create', 'update', 'delete', 'readVersions'] as const) {
      expect(allows(products.access![operation], ['merchandiser'])).toBe(true)
      expect(allows(products.access![operation], ['editor'])).toBe(false)
      expect(allows(products.access![operation], null)).toBe(false)
    }
    expect(allows(products.access!.read, ['merchandiser'])).toBe(true)
    expect(allows(products.access!.read, ['editor'])).toEqual({ _status: { equals: 'published' } })
  })

  it('staffRoles: who reads every purchase and the Stripe event ledger', () => {
    const config = build({ staffRoles: ['clerk'] })
    const purchases = collection(config, PURCHASES_SLUG)
    const events = collection(config, STRIPE_EVENTS_SLUG)
    expect(allows(purchases.access!.read, ['clerk'])).toBe(true)
    expect(allows(purchases.access!.read, ['support'])).toEqual({ user: { equals: 1 } })
    expect(allows(events.access!.read, ['clerk'])).toBe(true)
    expect(allows(events.access!.read, ['support'])).toBe(false)
  })

  it('overrideProductsCollection: the app adds fields and admin options to products', () => {
    const products = collection(
      build({
        overrideProductsCollection: (base) => ({
          ...base,
          admin: { ...base.admin, group: 'Catalog' },
          fields: [...base.fields, { name: 'badge', type: 'text' }],
        }),
      }),
      PRODUCTS_SLUG,
    )
    expect(products.admin?.group).toBe('Catalog')
    expect(products.fields.map((field) => ('name' in field ? field.name : null))).toEqual(
      expect.arrayContaining(['title', 'slug', 'badge']),
    )
  })

  it('keeps the resolved options on the config for the app to read', () => {
    const config = build({ storeName: 'Shop Name' })
    expect(config.custom?.storefront).toMatchObject({ storeName: 'Shop Name', disabled: false })
  })
})
