import AxeBuilder from '@axe-core/playwright'
import { expect, type Page, test } from '@playwright/test'
import path from 'node:path'

import { SCREENSHOTS, signUp } from './helpers'

const WIDTHS = [1280, 390, 360] as const

/** No serious or critical axe-core violation (WCAG 2.x A and AA rules and best practices). */
async function expectAccessible(page: Page, label: string) {
  const results = await new AxeBuilder({ page }).analyze()
  const blocking = results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({
      page: label,
      rule: violation.id,
      impact: violation.impact,
      help: violation.help,
      nodes: violation.nodes.map((node) => node.target.join(' ')).slice(0, 5),
    }))
  expect(blocking).toEqual([])
}

/** Nothing wider than the screen, and no header link or button broken over two lines. */
async function expectFitsWidth(page: Page, label: string) {
  const problems = await page.evaluate(() => {
    const found: string[] = []
    const width = document.documentElement.clientWidth
    if (document.documentElement.scrollWidth > width) {
      found.push(`page scrolls sideways (${document.documentElement.scrollWidth} > ${width})`)
    }
    for (const element of document.querySelectorAll<HTMLElement>(
      '.site-header a, .site-header button',
    )) {
      const lineHeight = parseFloat(getComputedStyle(element).lineHeight) || 24
      const box = element.getBoundingClientRect()
      if (box.height > lineHeight * 1.5) found.push(`"${element.textContent}" wraps`)
      if (box.right > width + 0.5) found.push(`"${element.textContent}" overflows the screen`)
    }
    return found
  })
  expect(problems, label).toEqual([])
}

async function checkPage(page: Page, url: string, name: string, ready: () => Promise<unknown>) {
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 800 })
    await page.goto(url)
    await ready()
    await expectFitsWidth(page, `${name} at ${width}px`)
    await expectAccessible(page, `${name} at ${width}px`)
    if (width !== 360) {
      await page.screenshot({
        path: path.join(SCREENSHOTS, `${name}-${width}.png`),
        fullPage: true,
      })
    }
  }
}

// Three widths and an axe run per page: minutes, not seconds, on a busy 2-core machine.
test.describe.configure({ timeout: 300_000 })

test('every storefront page a visitor sees: accessible, and fits 1280, 390 and 360 px', async ({
  page,
}) => {
  const visible = (text: string | RegExp) => () =>
    expect(page.getByRole('heading', { level: 1, name: text })).toBeVisible()
  const signedOut = () => expect(page.getByRole('link', { name: 'Sign in' })).toBeVisible()
  await checkPage(page, '/', 'home', async () => {
    await visible(/Tools for small teams/)()
    await signedOut()
  })
  await checkPage(page, '/products', 'catalog', async () => {
    await visible('Products')()
    await signedOut()
  })
  // Cards say what each product is and what file it sells.
  const card = page.locator('.product-card').filter({ hasText: 'Workflow Templates' })
  await expect(card.locator('.product-summary')).not.toBeEmpty()
  await expect(card.getByText(/^ZIP archive · \d/)).toBeVisible()

  await checkPage(page, '/products/workflow-templates', 'product', async () => {
    await visible('Workflow Templates')()
    await signedOut()
  })
  await expect(page.getByRole('heading', { name: 'What you get' })).toBeVisible()
  await expect(page.getByText('ZIP archive: workflow-templates.zip')).toBeVisible()

  await checkPage(page, '/login', 'login', visible('Sign in'))
  await checkPage(
    page,
    '/login?callbackUrl=%2Fproducts%2Fworkflow-templates&intent=buy',
    'login-to-buy',
    visible('Sign in to buy Workflow Templates'),
  )
  await checkPage(page, '/signup', 'signup', visible('Create an account'))
  await checkPage(page, '/forgot-password', 'forgot', visible('Forgot your password?'))
  await checkPage(
    page,
    '/reset-password?token=0123456789abcdef0123',
    'reset-expired',
    visible('Choose a new password'),
  )
  await checkPage(
    page,
    '/login/link?failed=1',
    'sign-in-link-failed',
    visible('Sign in with your link'),
  )
  await checkPage(page, '/no-such-page', 'not-found', visible('We could not find that page'))
  await checkPage(
    page,
    '/products/no-such-product',
    'product-not-found',
    visible('We could not find that page'),
  )
  await expect(page.getByRole('link', { name: 'Browse the products' })).toBeVisible()
})

test('sign-up keeps what was typed after an error and shows the password rule before anyone types', async ({
  page,
}) => {
  await page.goto('/signup')
  await expect(page.getByText('At least 8 characters.')).toBeVisible()
  await expect(page.getByLabel('Password')).toHaveAttribute('aria-describedby', /.+/)
  await page.getByLabel('Name').fill('Robin Retry')
  await page.getByLabel('Email').fill('customer@example.com') // taken
  await page.getByLabel('Password').fill('a long enough password')
  await page.getByRole('button', { name: 'Create account' }).click()
  await expect(
    page.getByRole('alert').filter({ hasText: 'We could not create an account with this email' }),
  ).toBeVisible()
  await expect(page.getByLabel('Name')).toHaveValue('Robin Retry')
  await expect(page.getByLabel('Email')).toHaveValue('customer@example.com')
})

test('signed-in pages (account, purchase, owned product): accessible, and fit 1280, 390 and 360 px', async ({
  page,
}) => {
  await signUp(page, { name: 'Alexandra Longname-Whitfield' })
  await page.goto('/products/workflow-templates')
  await page.getByRole('button', { name: 'Buy' }).click()
  await page.getByLabel('Card number').fill('4242 4242 4242 4242')
  await page.getByRole('button', { name: 'Pay', exact: true }).click()
  await expect(page).toHaveURL(/\/products\/account\?purchased=workflow-templates/)
  const signedIn = () =>
    expect(page.getByText('Signed in as Alexandra Longname-Whitfield')).toBeVisible()

  await checkPage(page, '/products/account', 'account-signed-in', signedIn)
  await page.getByRole('link', { name: 'Workflow Templates', exact: true }).click()
  await expect(page).toHaveURL(/\/products\/account\/purchases\/\d+$/)
  const purchaseUrl = new URL(page.url()).pathname
  await checkPage(page, purchaseUrl, 'purchase-paid', signedIn)
  await checkPage(page, '/products/workflow-templates', 'product-owned', async () => {
    await signedIn()
    await expect(page.getByText('You own this —')).toBeVisible()
  })
  await checkPage(page, '/products/account/purchases/999999', 'purchase-not-found', async () => {
    await expect(
      page.getByRole('heading', { level: 1, name: 'We could not find that page' }),
    ).toBeVisible()
  })
})
