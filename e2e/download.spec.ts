import { expect, type Page, test } from '@playwright/test'
import fs from 'node:fs/promises'
import path from 'node:path'

/** The demo file the seed's Discovery Toolkit sells (start:offline serves private/products). */
const SOLD_FILE = path.resolve('private/products/discovery-toolkit.zip')
const SCREENSHOTS = path.resolve('reports/screenshots')

/** A new shopper of their own, so this file does not depend on the other journeys. */
async function signUp(page: Page, callbackUrl: string): Promise<string> {
  const email = `downloader-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.com`
  await page.goto(`/signup?callbackUrl=${encodeURIComponent(callbackUrl)}`)
  await page.getByLabel('Name').fill('Dana Downloader')
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Password').fill('correct horse battery staple')
  await page.getByRole('button', { name: 'Create account' }).click()
  await expect(page).toHaveURL(new RegExp(`${callbackUrl}$`))
  return email
}

test('pay with 4242, click Download on the account page: the saved file is the one sold', async ({
  page,
  browser,
  request,
}) => {
  await signUp(page, '/products/discovery-toolkit')
  await page.getByRole('button', { name: 'Buy' }).click()
  await expect(page).toHaveURL(/\/checkout\/cs_test_/)
  await page.getByLabel('Card number').fill('4242 4242 4242 4242')
  await page.getByRole('button', { name: 'Pay', exact: true }).click()
  await expect(page).toHaveURL(/\/products\/account\?purchased=discovery-toolkit&session_id=/)

  const expected = await fs.readFile(SOLD_FILE)
  const downloadLink = page.getByRole('link', { name: /^Download Discovery Toolkit/ })
  await expect(downloadLink).toBeVisible()
  await expect(page.getByText(`discovery-toolkit.zip · ${expected.length} bytes`)).toBeVisible()
  const [download] = await Promise.all([page.waitForEvent('download'), downloadLink.click()])
  expect(download.suggestedFilename()).toBe('discovery-toolkit.zip')
  const saved = path.join(test.info().outputPath(), 'saved.zip')
  await download.saveAs(saved)
  expect((await fs.readFile(saved)).equals(expected)).toBe(true)

  // The purchase page shows it too.
  await page.getByRole('link', { name: 'Discovery Toolkit', exact: true }).click()
  await expect(page).toHaveURL(/\/products\/account\/purchases\/\d+$/)
  const purchaseUrl = new URL(page.url()).pathname
  const purchaseId = purchaseUrl.split('/').pop()!
  await expect(page.getByRole('heading', { name: 'Your file' })).toBeVisible()
  await expect(page.getByRole('link', { name: /^Download Discovery Toolkit/ })).toBeVisible()
  await expect(page.getByText('arrives with the next release')).toHaveCount(0)

  // The product page offers the download instead of Buy.
  await page.goto('/products/discovery-toolkit')
  await expect(page.getByText('You own this —')).toBeVisible()
  await expect(page.getByRole('button', { name: 'Buy' })).toHaveCount(0)
  const [again] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Download', exact: true }).click(),
  ])
  await again.saveAs(path.join(test.info().outputPath(), 'again.zip'))
  expect(
    (await fs.readFile(path.join(test.info().outputPath(), 'again.zip'))).equals(expected),
  ).toBe(true)

  // Screenshots of both pages, wide and phone-sized, for people to look at.
  await fs.mkdir(SCREENSHOTS, { recursive: true })
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: width === 1280 ? 800 : 844 })
    await page.goto('/products/account')
    await expect(page.getByText('Signed in as Dana Downloader')).toBeVisible()
    await page.screenshot({ path: path.join(SCREENSHOTS, `account-${width}.png`), fullPage: true })
    await page.goto(purchaseUrl)
    await expect(page.getByText('Signed in as Dana Downloader')).toBeVisible()
    await page.screenshot({ path: path.join(SCREENSHOTS, `purchase-${width}.png`), fullPage: true })
    await page.goto('/products/discovery-toolkit')
    await expect(page.getByText('You own this —')).toBeVisible()
    await page.screenshot({
      path: path.join(SCREENSHOTS, `product-owned-${width}.png`),
      fullPage: true,
    })
  }

  // Nobody else: another shopper gets 404 on the page and 403 on the file; a visitor 401.
  const otherContext = await browser.newContext()
  const other = await otherContext.newPage()
  await signUp(other, '/products')
  const notFound = await other.goto(purchaseUrl)
  expect(notFound?.status()).toBe(404)
  // Opened the way a shared link would be: the browser shows the refusal, it saves nothing.
  const refused = await other.goto(`/api/products/downloads/${purchaseId}`)
  expect(refused?.status()).toBe(403)
  await expect(other.getByText('This purchase belongs to another account.')).toBeVisible()
  await otherContext.close()
  // The `request` fixture has its own cookie jar: nobody is signed in there.
  const anonymous = await request.get(`/api/products/downloads/${purchaseId}`)
  expect(anonymous.status()).toBe(401)
})

test('a signed-out visitor to the account or a purchase page is sent to sign in and back', async ({
  page,
}) => {
  await page.goto('/products/account/purchases/1')
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fproducts%2Faccount%2Fpurchases%2F1$/)
  await page.goto('/products/account')
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fproducts%2Faccount$/)
})
