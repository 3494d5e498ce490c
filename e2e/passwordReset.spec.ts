import { expect, type Page, test } from '@playwright/test'

import { mailFor, screenshotBothWidths, signUp, uniqueEmail } from './helpers'

async function signOut(page: Page) {
  await page.getByRole('button', { name: 'Sign out' }).click()
  await expect(page.getByRole('link', { name: 'Sign in' })).toBeVisible()
}

async function signIn(page: Page, email: string, password: string) {
  await page.goto('/login')
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Password').fill(password)
  await page.getByRole('button', { name: 'Sign in' }).click()
}

test('forgot password → email through the mail catcher → new password; the old one fails and the link works once', async ({
  page,
}) => {
  const { email, password: oldPassword } = await signUp(page)
  await signOut(page)

  await page.goto('/login')
  await page.getByRole('link', { name: 'Forgot your password?' }).click()
  await expect(page).toHaveURL(/\/forgot-password$/)
  await expect(page.getByRole('heading', { level: 1, name: 'Forgot your password?' })).toBeVisible()
  await screenshotBothWidths(page, 'forgot-password')

  // An unknown address gets the same answer as a known one.
  const unknown = uniqueEmail('nobody')
  await page.getByLabel('Email').fill(unknown)
  await page.getByRole('button', { name: 'Email me a reset link' }).click()
  const unknownAnswer = await page.getByRole('status').textContent()
  await page.goto('/forgot-password')
  await page.getByLabel('Email').fill(email)
  await page.getByRole('button', { name: 'Email me a reset link' }).click()
  const knownAnswer = await page.getByRole('status').textContent()
  expect(knownAnswer).toContain(`If an account uses ${email}, we have emailed it a link`)
  expect(knownAnswer?.replace(email, 'X')).toBe(unknownAnswer?.replace(unknown, 'X'))

  await expect.poll(async () => (await mailFor(email)).length).toBe(1)
  const [mail] = await mailFor(email)
  expect(mail.subject).toBe('Reset your password at Payload Storefront')
  expect(mail.text).toContain('Choose a new password: http://localhost')
  const link = /href="(http[^"]+\/reset-password\?token=[a-f0-9]+)"/.exec(mail.html ?? '')?.[1]
  expect(link).toBeTruthy()
  expect(await mailFor(unknown)).toEqual([])

  await page.goto(link!)
  await expect(page.getByRole('heading', { level: 1, name: 'Choose a new password' })).toBeVisible()
  await expect(page.getByText('At least 8 characters.')).toBeVisible()
  await screenshotBothWidths(page, 'reset-password')
  const newPassword = 'a brand new passphrase'
  await page.getByLabel('New password').fill(newPassword)
  await page.getByRole('button', { name: 'Save the new password and sign in' }).click()
  await expect(page).toHaveURL(/\/products\/account\?passwordReset=1$/)
  await expect(page.getByRole('status')).toContainText(
    'Your new password is saved and you are signed in',
  )
  await signOut(page)

  await signIn(page, email, oldPassword)
  await expect(page.getByRole('alert').filter({ hasText: 'do not match an account' })).toBeVisible()
  await signIn(page, email, newPassword)
  await expect(page).toHaveURL(/\/products\/account$/)
  await signOut(page)

  // The link worked once.
  await page.goto(link!)
  await expect(
    page.getByRole('alert').filter({ hasText: 'This reset link no longer works' }),
  ).toBeVisible()
  await expect(page.getByLabel('New password')).toHaveCount(0)
  await screenshotBothWidths(page, 'reset-password-used')
  await page.getByRole('link', { name: 'Ask for a new link' }).click()
  await expect(page).toHaveURL(/\/forgot-password$/)
})
