import { expect, type Page, test } from '@playwright/test'
import { rmSync } from 'node:fs'
import path from 'node:path'

import { MAIL_CATCHER_PORT, STRIPE_EMULATOR_PORT } from './ports'

const SCREENSHOTS = path.resolve('reports/screenshots')
const MAIL_CATCHER = `http://127.0.0.1:${MAIL_CATCHER_PORT}`
const stamp = Date.now()
const TITLE = `Field Notes Kit ${stamp}`
const SLUG = `field-notes-kit-${stamp}`
// A shopper of its own, so the demo customer's journey (shopperJourney.spec) starts with no mail.
const SHOPPER = { email: `admin-spec-${stamp}@example.com`, password: 'admin spec password 1' }

test.describe.configure({ mode: 'serial' })

// The served shop keeps uploads in the repository's files folder: leave it as it was.
test.afterAll(() => {
  rmSync(path.resolve('private/products', `field-notes-${stamp}.zip`), { force: true })
})

async function mailTo(email: string): Promise<Array<{ subject: string; to: string[] }>> {
  const mail = (await (await fetch(`${MAIL_CATCHER}/_catcher/messages`)).json()) as Array<{
    subject: string
    to: string[]
  }>
  return mail.filter((message) => message.to.includes(email))
}

async function adminLogin(page: Page, email: string, password: string) {
  await page.goto('/admin/login')
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Password').fill(password)
  await page.getByRole('button', { name: 'Login' }).click()
  await expect(page).toHaveURL(/\/admin$/)
}

/** The page at 1280 and 390 px wide, whole. */
async function shoot(page: Page, name: string) {
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 })
    await page.screenshot({
      path: path.join(SCREENSHOTS, `admin-${name}-${width}.png`),
      fullPage: true,
    })
  }
  await page.setViewportSize({ width: 1280, height: 900 })
}

test('an editor creates a product with a price and an uploaded file and publishes it', async ({
  page,
}) => {
  await adminLogin(page, 'editor@example.com', 'demo-editor-password')
  // Editors see what they work on, not the customers or purchases.
  await expect(page.getByRole('link', { name: 'Products', exact: true }).first()).toBeVisible()
  await expect(page.getByRole('link', { name: 'Purchases' })).toHaveCount(0)
  await shoot(page, 'dashboard-editor')

  await page.goto('/admin/collections/products/create')
  await page.getByLabel('Title').fill(TITLE)
  await expect(page.locator('input[name="slug"]')).toHaveValue(SLUG)
  await page.locator('input[name="priceCents"]').fill('19.00')

  // The product's file (the product also has an optional picture with its own 'Create New').
  await page.locator('#field-file').getByRole('button', { name: 'Create New', exact: true }).click()
  const drawer = page.getByRole('dialog').last()
  await drawer.locator('input[type="file"]').setInputFiles({
    name: `field-notes-${stamp}.zip`,
    mimeType: 'application/zip',
    buffer: Buffer.from(`field notes ${stamp}\n`),
  })
  await drawer.getByRole('button', { name: 'Save' }).click()
  await expect(page.getByText(`field-notes-${stamp}.zip`).first()).toBeVisible()

  await page.getByRole('button', { name: 'Publish changes' }).click()
  await expect(page.getByText('Verified with Stripe')).toBeVisible()
  await expect(page.locator('input[name="stripePriceId"]')).toHaveValue(/^price_/)
  await shoot(page, 'product-published')
})

test('publishing a product whose file is missing shows the whole error', async ({ page }) => {
  await adminLogin(page, 'editor@example.com', 'demo-editor-password')
  await page.goto('/admin/collections/products/create')
  await page.getByLabel('Title').fill(`Missing File ${stamp}`)
  await page.locator('input[name="priceCents"]').fill('9.00')
  await page.locator('input[name="assetFilename"]').fill('not-uploaded.zip')
  await page.getByRole('button', { name: 'Publish changes' }).click()
  const problems = page.locator('.storefront-publish-problems')
  await expect(problems).toContainText(
    'There is no file "not-uploaded.zip" in private/products. Upload the file above (or copy it into that folder) before publishing, or save as a draft.',
  )
  // Still there after Payload re-checks the form as a draft.
  await page.waitForTimeout(2000)
  await expect(problems).toBeVisible()
  await shoot(page, 'publish-missing-file')
})

test('a shopper buys it; support finds the purchase by email, resends the receipt and refunds', async ({
  page,
  browser,
}) => {
  // The shopper.
  const shopper = await browser.newContext()
  const shop = await shopper.newPage()
  const signUp = await shop.request.post('/api/users', { data: SHOPPER })
  expect(signUp.status()).toBe(201)
  await shop.goto(`/login?callbackUrl=%2Fproducts%2F${SLUG}`)
  await shop.getByLabel('Email').fill(SHOPPER.email)
  await shop.getByLabel('Password').fill(SHOPPER.password)
  await shop.getByRole('button', { name: 'Sign in' }).click()
  await expect(shop).toHaveURL(new RegExp(`/products/${SLUG}$`))
  await shop.getByRole('button', { name: 'Buy' }).click()
  await expect(shop).toHaveURL(new RegExp(`localhost:${STRIPE_EMULATOR_PORT}/checkout/cs_test_`))
  await expect(shop.getByTestId('total')).toHaveText('$19.00')
  await shop.getByLabel('Card number').fill('4242 4242 4242 4242')
  await shop.getByRole('button', { name: 'Pay', exact: true }).click()
  await expect(shop).toHaveURL(/\/products\/account\?purchased=/)
  await expect.poll(async () => (await mailTo(SHOPPER.email)).length).toBeGreaterThan(0)

  // Support.
  await adminLogin(page, 'support@example.com', 'demo-support-password')
  await expect(page.getByRole('link', { name: 'Products', exact: true })).toHaveCount(0)
  await shoot(page, 'dashboard-support')
  await page.goto(`/admin/collections/purchases?search=${encodeURIComponent(SHOPPER.email)}`)
  const row = page.getByRole('link', { name: new RegExp(`^${TITLE} — ${SHOPPER.email}`) })
  await expect(row).toBeVisible()
  await shoot(page, 'purchases-list')
  await row.click()
  await expect(page.locator('[data-field="receipt.status"]')).toHaveText('Sent', {
    timeout: 20_000,
  })

  // The shopper downloads; support sees it logged.
  const purchaseId = page.url().split('/').pop()!
  // From the shopper's page, with their (Secure, SameSite) session cookie, as the Download link does.
  const downloadFromShop = () =>
    shop.evaluate(async (id) => {
      const response = await fetch(`/api/products/downloads/${id}`)
      return { status: response.status, body: await response.text() }
    }, purchaseId)
  expect(await downloadFromShop()).toEqual({ status: 200, body: `field notes ${stamp}\n` })
  await page.reload()
  await expect(page.getByText('Completed').first()).toBeVisible()
  await shoot(page, 'purchase-detail')

  // Resend: a second email.
  const sent = (await mailTo(SHOPPER.email)).length
  await page
    .getByLabel('Why (recorded on the purchase)')
    .fill('Customer could not find the receipt')
  await page.getByRole('button', { name: 'Resend receipt' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'The receipt is queued' })).toBeVisible()
  await expect.poll(async () => (await mailTo(SHOPPER.email)).length).toBe(sent + 1)

  // Refund: Stripe's webhook moves the purchase to refunded, and the download ends.
  await page.getByLabel('Why (recorded on the purchase)').fill('Bought by mistake')
  await page.getByRole('button', { name: 'Refund in Stripe' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Refund requested' })).toBeVisible()
  await expect
    .poll(
      async () => {
        await page.reload()
        return page.locator('[data-field="status"]').textContent()
      },
      { timeout: 30_000 },
    )
    .toBe('Refunded')
  expect((await downloadFromShop()).status).toBe(403)
  await expect(page.getByText('Customer could not find the receipt')).toBeVisible()
  await shoot(page, 'purchase-refunded')
  await shopper.close()
})

test('an admin sees the sales panel', async ({ page }) => {
  await adminLogin(page, 'admin@example.com', 'demo-admin-password')
  await expect(page.getByRole('heading', { name: 'Sales, last 30 days' })).toBeVisible()
  await expect(page.getByRole('img', { name: /Purchases per day/ })).toBeVisible()
  await shoot(page, 'dashboard-admin')
})
