import { expect, test } from '@playwright/test'

/**
 * What only the production server (`next build && next start`, NODE_ENV=production) can show:
 * GraphQL's playground and introspection are off, body limits hold behind Next's own request
 * handling, and a purchase page is its buyer's alone.
 */

test('the GraphQL playground is not served in production', async ({ request }) => {
  const response = await request.get('/api/graphql-playground')
  expect(response.status()).toBe(404)
})

test('GraphQL introspection is refused in production; ordinary queries still work', async ({
  request,
}) => {
  const introspection = await request.post('/api/graphql', {
    data: { query: '{ __schema { types { name } } }' },
  })
  const refused = (await introspection.json()) as { errors?: Array<{ message: string }> }
  expect(refused.errors?.[0].message).toBe(
    'GraphQL introspection is not allowed, but the query contained __schema or __type',
  )
  const ordinary = await request.post('/api/graphql', {
    data: { query: '{ Products { totalDocs } }' },
  })
  expect(((await ordinary.json()) as { data?: unknown }).data).toBeTruthy()
})

test('a 2 MiB webhook body is refused with 413 before it is read', async ({ request }) => {
  const response = await request.post('/api/stripe/webhook', {
    headers: { 'Stripe-Signature': 't=1,v1=junk', 'Content-Type': 'application/json' },
    data: 'x'.repeat(2 * 1024 * 1024),
  })
  expect(response.status()).toBe(413)
})

test("another shopper opening a purchase page by its number gets 'not found'; its buyer sees it", async ({
  browser,
  page,
  request,
}) => {
  // A shopper of this test's own buys Discovery Toolkit (API, then the emulator's hosted page);
  // the demo customer stays untouched for the other browser tests.
  const buyer = { email: `buyer-${Date.now()}@example.com`, password: 'a long enough password' }
  expect((await request.post('/api/users', { data: buyer })).status()).toBe(201)
  const login = await request.post('/api/users/login', { data: buyer })
  const { token } = (await login.json()) as { token: string }
  const checkout = await request.post('/api/checkout', {
    headers: { Authorization: `JWT ${token}` },
    data: { productSlug: 'discovery-toolkit' },
  })
  const { url } = (await checkout.json()) as { url: string }
  const paid = await request.post(url, {
    form: { method: 'card', card_number: '4242 4242 4242 4242' },
    maxRedirects: 0,
  })
  expect(paid.status()).toBe(303)
  const sessionId = new URL(paid.headers().location).searchParams.get('session_id')
  let purchaseId: number | undefined
  await expect
    .poll(async () => {
      const list = await request.get(`/api/purchases?where[stripeSessionId][equals]=${sessionId}`, {
        headers: { Authorization: `JWT ${token}` },
      })
      purchaseId = ((await list.json()) as { docs: Array<{ id: number }> }).docs[0]?.id
      return purchaseId
    })
    .toBeTruthy()

  const stranger = `stranger-${Date.now()}@example.com`
  await page.goto('/signup')
  await page.getByLabel('Email').fill(stranger)
  await page.getByLabel('Password').fill('a long enough password')
  await page.getByRole('button', { name: /create account|sign up/i }).click()
  await expect(page).not.toHaveURL(/\/signup/)

  const response = await page.goto(`/products/account/purchases/${purchaseId}`)
  expect(response?.status()).toBe(404)
  await expect(page.getByText('Discovery Toolkit')).toHaveCount(0)

  const owner = await (
    await browser.newContext({ baseURL: test.info().project.use.baseURL })
  ).newPage()
  await owner.goto(`/login?callbackUrl=%2Fproducts%2Faccount%2Fpurchases%2F${purchaseId}`)
  await owner.getByLabel('Email').fill(buyer.email)
  await owner.getByLabel('Password').fill(buyer.password)
  await owner.getByRole('button', { name: 'Sign in' }).click()
  await expect(owner.getByRole('heading', { level: 1, name: 'Discovery Toolkit' })).toBeVisible()
})
