import { expect, test } from '@playwright/test'

import { mailFor, screenshotBothWidths, signUp } from './helpers'
import { STRIPE_EMULATOR_PORT } from './ports'

test('a one-time sign-in link from /login signs in once and returns to the same-site page asked for', async ({
  page,
}) => {
  const { email } = await signUp(page)
  await page.getByRole('button', { name: 'Sign out' }).click()
  await expect(page.getByRole('link', { name: 'Sign in' })).toBeVisible()

  await page.goto('/login?callbackUrl=%2Fproducts%2Fdiscovery-toolkit')
  await page.getByLabel('Send the link to').fill(email)
  await page.getByRole('button', { name: 'Email me a sign-in link' }).click()
  await expect(page.getByRole('status')).toContainText(
    `If an account uses ${email}, we have emailed it a sign-in link. It works once, for 15 minutes.`,
  )

  await expect.poll(async () => (await mailFor(email)).length).toBe(1)
  const [mail] = await mailFor(email)
  expect(mail.subject).toBe('Your sign-in link for Payload Storefront')
  const link = /href="(http[^"]+\/login\/link\?token=[^"]+)"/.exec(mail.html ?? '')?.[1]
  expect(link).toBeTruthy()
  const url = link!.replaceAll('&amp;', '&')

  // Opening the page does not use the link (mail scanners open links); the button does.
  await page.goto(url)
  await page.goto(url)
  await expect(page.getByText(`Signing in as ${email}`)).toBeVisible()
  await screenshotBothWidths(page, 'sign-in-link')
  await page.getByRole('button', { name: 'Sign in', exact: true }).click()
  await expect(page).toHaveURL(/\/products\/discovery-toolkit$/)
  await expect(page.getByText('Signed in as Sam Shopper')).toBeVisible()
  await page.getByRole('button', { name: 'Sign out' }).click()

  // Once only.
  await page.goto(url)
  await page.getByRole('button', { name: 'Sign in', exact: true }).click()
  await expect(page).toHaveURL(/\/login\/link\?failed=1$/)
  await expect(
    page.getByRole('alert').filter({ hasText: 'This sign-in link no longer works' }),
  ).toBeVisible()
  await expect(page.getByRole('link', { name: 'Sign in' })).toBeVisible()
  await screenshotBothWidths(page, 'sign-in-link-used')
})

test('asked for on "Sign in to buy", the link brings the shopper back to a checkout that starts by itself', async ({
  page,
}) => {
  const { email } = await signUp(page)
  await page.getByRole('button', { name: 'Sign out' }).click()
  await expect(page.getByRole('link', { name: 'Sign in' })).toBeVisible()

  await page.goto('/login?callbackUrl=%2Fproducts%2Fdiscovery-toolkit&intent=buy')
  await page.getByLabel('Send the link to').fill(email)
  await page.getByRole('button', { name: 'Email me a sign-in link' }).click()
  await expect(page.getByRole('status')).toContainText(`If an account uses ${email}`)
  await expect.poll(async () => (await mailFor(email)).length).toBe(1)
  const [mail] = await mailFor(email)
  const link = /href="(http[^"]+\/login\/link\?token=[^"]+)"/.exec(mail.html ?? '')?.[1]
  await page.goto(link!.replaceAll('&amp;', '&'))
  await page.getByRole('button', { name: 'Sign in', exact: true }).click()
  await expect(page).toHaveURL(new RegExp(`localhost:${STRIPE_EMULATOR_PORT}/checkout/cs_test_`))
})
