import { expect, type Page } from '@playwright/test'
import fs from 'node:fs/promises'
import path from 'node:path'

import { MAIL_CATCHER_PORT } from './ports'

export const SCREENSHOTS = path.resolve('reports/screenshots')
export const MAIL_CATCHER = `http://127.0.0.1:${MAIL_CATCHER_PORT}`

export type CaughtMail = { id: string; subject: string; to: string[]; html?: string; text?: string }

/** Every email the mail catcher holds for one address, oldest first. */
export async function mailFor(email: string): Promise<CaughtMail[]> {
  const mail = (await (await fetch(`${MAIL_CATCHER}/_catcher/messages`)).json()) as CaughtMail[]
  return mail.filter((message) => message.to.includes(email))
}

export const uniqueEmail = (label: string) =>
  `${label}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.com`

/** A new shopper of their own (so files do not depend on each other), signed in afterwards. */
export async function signUp(
  page: Page,
  {
    email = uniqueEmail('shopper'),
    name = 'Sam Shopper',
    password = 'correct horse battery staple',
  } = {},
): Promise<{ email: string; password: string }> {
  await page.goto('/signup')
  await page.getByLabel('Name').fill(name)
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Password').fill(password)
  await page.getByRole('button', { name: 'Create account' }).click()
  await expect(page).toHaveURL(/\/products\/account\?welcome=1$/)
  return { email, password }
}

/** Full-page screenshots at the desktop and phone widths, for people to look at. */
export async function screenshotBothWidths(page: Page, name: string, ready?: () => Promise<void>) {
  await fs.mkdir(SCREENSHOTS, { recursive: true })
  const url = page.url()
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: width === 1280 ? 800 : 844 })
    await page.goto(url)
    await ready?.()
    await page.screenshot({ path: path.join(SCREENSHOTS, `${name}-${width}.png`), fullPage: true })
  }
}
