import { expect, test } from '@playwright/test'

import { screenshotBothWidths } from './helpers'
import { APP_PORT, MAIL_CATCHER_PORT, STRIPE_EMULATOR_PORT } from './ports'

const MAIL_CATCHER = `http://127.0.0.1:${MAIL_CATCHER_PORT}`

async function receiptsFor(email: string): Promise<Array<{ subject: string; to: string[] }>> {
  const mail = (await (await fetch(`${MAIL_CATCHER}/_catcher/messages`)).json()) as Array<{
    subject: string
    to: string[]
  }>
  return mail.filter((message) => message.to.includes(email))
}

test('a signed-out Buy asks to sign in to buy that product, and checkout starts by itself after signing in; 4242 pays and the receipt comes', async ({
  page,
}) => {
  await page.goto('/products')
  await expect(page.getByRole('link', { name: 'Workflow Templates' })).toBeVisible()
  await expect(page.getByText('$49.00')).toBeVisible()
  await page.getByRole('link', { name: 'Workflow Templates' }).click()

  await expect(page.getByRole('heading', { level: 1, name: 'Workflow Templates' })).toBeVisible()
  await page.getByRole('button', { name: 'Buy' }).click()
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fproducts%2Fworkflow-templates&intent=buy$/)
  await expect(
    page.getByRole('heading', { level: 1, name: 'Sign in to buy Workflow Templates' }),
  ).toBeVisible()

  await page.getByLabel('Email').fill('customer@example.com')
  await page.getByLabel('Password').fill('demo-customer-password')
  await page.getByRole('button', { name: 'Sign in' }).click()

  // No second press of Buy: the product page starts checkout on its own.
  await expect(page).toHaveURL(new RegExp(`localhost:${STRIPE_EMULATOR_PORT}/checkout/cs_test_`))
  await expect(page.getByTestId('total')).toHaveText('$49.00')
  await page.getByLabel('Card number').fill('4242 4242 4242 4242')
  await page.getByRole('button', { name: 'Pay', exact: true }).click()

  await expect(page).toHaveURL(
    /\/products\/account\?purchased=workflow-templates&session_id=cs_test_/,
  )
  await expect(page.getByText('Signed in as Casey Customer')).toBeVisible()
  await expect(page.getByRole('status')).toContainText(
    'Your payment for Workflow Templates is confirmed',
  )
  await expect(page.getByRole('link', { name: 'Workflow Templates', exact: true })).toBeVisible()
  await expect(page.getByText('Paid', { exact: true })).toBeVisible()

  await expect
    .poll(async () => (await receiptsFor('customer@example.com')).map((mail) => mail.subject))
    .toEqual(['Your Payload Storefront purchase: Workflow Templates'])

  // Owned now: the product page offers the download, and a second purchase is an explicit choice.
  await page.goto('/products/workflow-templates?buy=1')
  await expect(page.getByText('You own this —')).toBeVisible()
  await expect(page.getByRole('status')).toContainText(
    'You already own Workflow Templates, so checkout did not start',
  )
  await expect(page.getByRole('button', { name: 'Buy' })).toHaveCount(0)
  await expect(page).toHaveURL(/\/products\/workflow-templates$/)
  await page.getByRole('button', { name: 'Purchase another copy…' }).click()
  await expect(page.getByRole('button', { name: 'Pay again for a second copy' })).toBeVisible()
  await page.getByRole('button', { name: 'Keep just the one I have' }).click()
  await expect(page.getByRole('button', { name: 'Pay again for a second copy' })).toHaveCount(0)
})

test('a declined card stays on Stripe with the decline message; cancelling shows a calm notice', async ({
  page,
}) => {
  await page.goto('/login?callbackUrl=%2Fproducts%2Fdiscovery-toolkit')
  await page.getByLabel('Email').fill('customer@example.com')
  await page.getByLabel('Password').fill('demo-customer-password')
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page).toHaveURL(/\/products\/discovery-toolkit$/)

  await page.getByRole('button', { name: 'Buy' }).click()
  await expect(page).toHaveURL(/\/checkout\/cs_test_/)
  await page.getByLabel('Card number').fill('4000 0000 0000 0002')
  await page.getByRole('button', { name: 'Pay', exact: true }).click()
  await expect(page.getByRole('alert')).toContainText('Your card was declined.')

  await page.getByRole('link', { name: 'Cancel' }).click()
  await expect(page).toHaveURL(/\/products\/discovery-toolkit\?canceled=1$/)
  await expect(page.getByRole('status')).toContainText('Checkout canceled. You were not charged')
})

test('the Buy button works without JavaScript (a real form post)', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false })
  const page = await context.newPage()
  await page.goto('/products/discovery-toolkit')
  await page.getByRole('button', { name: 'Buy' }).click()
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fproducts%2Fdiscovery-toolkit$/)
  await context.close()
})

test('an open redirect through callbackUrl is refused', async ({ page }) => {
  await page.goto('/login?callbackUrl=https%3A%2F%2Fevil.example%2F')
  await page.getByLabel('Email').fill('customer@example.com')
  await page.getByLabel('Password').fill('demo-customer-password')
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page).toHaveURL(new RegExp(`localhost:${APP_PORT}/products/account$`))
})

test("an editor's change shows on the statically rendered product page without a rebuild", async ({
  page,
  request,
}) => {
  const login = await request.post('/api/users/login', {
    data: { email: 'editor@example.com', password: 'demo-editor-password' },
  })
  const { token } = (await login.json()) as { token: string }
  const found = await request.get('/api/products?where[slug][equals]=discovery-toolkit', {
    headers: { Authorization: `JWT ${token}` },
  })
  const { docs } = (await found.json()) as { docs: Array<{ id: number }> }
  const renamed = `Discovery Toolkit ${Date.now()}`
  const update = await request.patch(`/api/products/${docs[0].id}`, {
    headers: { Authorization: `JWT ${token}` },
    data: { title: renamed },
  })
  expect(update.status()).toBe(200)

  await expect
    .poll(async () => {
      await page.goto('/products/discovery-toolkit')
      return page.getByRole('heading', { level: 1 }).textContent()
    })
    .toBe(renamed)
  await page.goto('/products')
  await expect(page.getByRole('link', { name: renamed })).toBeVisible()
})

test('a customer is turned away from the admin', async ({ page }) => {
  await page.goto('/login')
  await page.getByLabel('Email').fill('customer@example.com')
  await page.getByLabel('Password').fill('demo-customer-password')
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page).toHaveURL(/\/products\/account$/)
  await page.goto('/admin')
  await expect(
    page.getByRole('heading', { name: "The admin is for the shop's staff" }),
  ).toBeVisible()
  await expect(page.getByText('You are signed in with a shopper account.')).toBeVisible()
  await screenshotBothWidths(page, 'admin-refused')
  await page.getByRole('link', { name: 'Back to the shop' }).click()
  await expect(page).toHaveURL(/\/products\/account$/)
})
