import { expect, test } from '@playwright/test'

import { screenshotBothWidths, signUp } from './helpers'
import { STRIPE_EMULATOR_PORT } from './ports'

test('a bank transfer says it is on its way; one that fails says so, charges nothing and offers Try again', async ({
  page,
}) => {
  const { email } = await signUp(page)
  await expect(page.getByRole('status')).toContainText(
    'Welcome, Sam Shopper! Your account is ready.',
  )

  // Pending: a delayed bank transfer that will bounce.
  await page.goto('/products/discovery-toolkit')
  await page.getByRole('button', { name: 'Buy' }).click()
  await expect(page).toHaveURL(new RegExp(`localhost:${STRIPE_EMULATOR_PORT}/checkout/cs_test_`))
  await page.getByRole('button', { name: 'Pay by bank transfer that fails (delayed)' }).click()
  await expect(page).toHaveURL(/\/products\/account\?purchased=discovery-toolkit&session_id=/)
  await expect(page.getByRole('status')).toContainText(
    'Your bank transfer for Discovery Toolkit is on its way',
  )
  await expect(page.getByRole('status')).toContainText(`we will email ${email}`)
  await expect(page.getByText('Payment processing', { exact: true })).toBeVisible()
  await expect(page.getByText('Paid', { exact: true })).toHaveCount(0)
  await expect(page.getByText('is confirmed')).toHaveCount(0)

  await page.getByRole('link', { name: 'Discovery Toolkit', exact: true }).click()
  await expect(page).toHaveURL(/\/products\/account\/purchases\/\d+$/)
  await expect(page.getByText('Your bank transfer is on its way.')).toBeVisible()
  await expect(page.getByText('Sent once the payment clears')).toBeVisible()
  await expect(page.getByRole('link', { name: /^Download/ })).toHaveCount(0)
  await screenshotBothWidths(page, 'purchase-pending')

  // The bank returns the debit a few seconds later; the page then tells the truth.
  await expect
    .poll(
      async () => {
        await page.reload()
        return page.getByText('Payment failed', { exact: true }).count()
      },
      { timeout: 30_000 },
    )
    .toBe(1)
  await expect(
    page.getByText('The payment did not go through, so you were not charged'),
  ).toBeVisible()
  await expect(page.getByText('None: you were not charged')).toBeVisible()
  await expect(page.getByText('On its way')).toHaveCount(0)
  await expect(page.getByText('Bought')).toHaveCount(0)
  await screenshotBothWidths(page, 'purchase-failed')

  // Try again goes straight back to checkout.
  await page.getByRole('link', { name: 'Try again' }).click()
  await expect(page).toHaveURL(new RegExp(`localhost:${STRIPE_EMULATOR_PORT}/checkout/cs_test_`))
  await expect(page.getByTestId('total')).toHaveText('$29.00')
})
