import { inject } from 'vitest'
import { describe, expect, it } from 'vitest'

import { sendEmail } from '@/storefront/email/resend'
import { renderPaymentFailedEmail, renderReceiptEmail } from '@/storefront/email/templates'

import { failNextSends, mailTo } from './helpers/mailCatcher'

const input = {
  storeName: 'Test Shop',
  purchaseId: 42,
  productTitle: 'Workflow Templates',
  productSlug: 'workflow-templates',
  amountCents: 4900,
  currency: 'usd',
  customerEmail: 'casey@example.com',
  purchasedAt: '2026-11-27T17:05:00.000Z',
  supportEmail: 'help@shop.example',
  links: {
    purchase: 'https://shop.example/products/account/purchases/42',
    signIn: 'https://shop.example/login?callbackUrl=%2Fproducts%2Faccount%2Fpurchases%2F42',
    product: 'https://shop.example/products/workflow-templates',
  },
}

describe('receipt email', () => {
  it('has the agreed subject, product, amount, date, reference, links and support contact, in HTML and text', () => {
    const email = renderReceiptEmail(input)
    expect(email.subject).toBe('Your Test Shop purchase: Workflow Templates')
    for (const part of [email.html, email.text]) {
      expect(part).toContain('Workflow Templates')
      expect(part).toContain('$49.00')
      expect(part).toContain('November 27, 2026 at 5:05 PM UTC')
      expect(part).toContain('42')
      expect(part).toContain('https://shop.example/products/account/purchases/42')
      expect(part).toContain('sign in as casey@example.com')
      expect(part).toContain('one-time sign-in link')
      expect(part).toContain('Questions? Write to help@shop.example.')
    }
    expect(email.html).toContain('href="https://shop.example/products/account/purchases/42"')
    // The sign-in hint is a real link, to the sign-in page that returns to the purchase.
    expect(email.html).toContain(
      '<a href="https://shop.example/login?callbackUrl=%2Fproducts%2Faccount%2Fpurchases%2F42"',
    )
    expect(email.text).toContain(
      'sign in as casey@example.com (https://shop.example/login?callbackUrl=%2Fproducts%2Faccount%2Fpurchases%2F42)',
    )
  })

  it('leaves out the support line when no support email is set', () => {
    const email = renderReceiptEmail({ ...input, supportEmail: undefined })
    expect(email.html).not.toContain('Questions?')
    expect(email.text).not.toContain('Questions?')
  })

  it('escapes every interpolated value in the HTML', () => {
    const email = renderReceiptEmail({
      ...input,
      productTitle: '<script>alert("x")</script> & <b>bold</b>',
      storeName: 'A&B <Shop>',
      customerEmail: 'a"b@example.com',
    })
    expect(email.html).not.toContain('<script>')
    expect(email.html).not.toContain('<b>bold</b>')
    expect(email.html).toContain(
      '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;',
    )
    expect(email.html).toContain('A&amp;B &lt;Shop&gt;')
    expect(email.html).toContain('a&quot;b@example.com')
  })

  it('uses the slug when the product was deleted', () => {
    const email = renderReceiptEmail({ ...input, productTitle: null })
    expect(email.subject).toBe('Your Test Shop purchase: workflow-templates')
    expect(email.text).toContain('Thank you for buying workflow-templates.')
    expect(email.text).toContain('Product: workflow-templates')
  })

  it('the payment-failed email links back to the product to try again', () => {
    const email = renderPaymentFailedEmail(input)
    expect(email.subject).toBe('Your Test Shop payment did not go through: Workflow Templates')
    expect(email.text).toContain('https://shop.example/products/workflow-templates')
  })
})

describe('sendEmail through the real resend SDK', () => {
  const connection = () => ({
    resendApiKey: 're_test_suite',
    baseUrl: inject('mailCatcherUrl'),
    from: 'Test Shop <shop@test.example>',
  })

  it("returns Resend's id and the catcher has the message with both parts", async () => {
    const to = `send-${Date.now()}@example.com`
    const id = await sendEmail(connection(), {
      ...renderReceiptEmail(input),
      to,
      idempotencyKey: `test/${to}`,
    })
    const [mail] = await mailTo(to)
    expect(mail.id).toBe(id)
    expect(mail.html).toContain('Workflow Templates')
    expect(mail.text).toContain('$49.00')
  })

  it('turns the { error } Resend returns into a thrown error (so the job retries), sending nothing', async () => {
    const to = `fail-${Date.now()}@example.com`
    await failNextSends(1, 503)
    await expect(
      sendEmail(connection(), { ...renderReceiptEmail(input), to, idempotencyKey: `test/${to}` }),
    ).rejects.toThrow(/Resend refused the email/)
    expect(await mailTo(to)).toHaveLength(0)
  })

  it('refuses clearly without an API key', async () => {
    await expect(
      sendEmail(
        { from: 'x@y.z' },
        { ...renderReceiptEmail(input), to: 'a@b.c', idempotencyKey: 'k' },
      ),
    ).rejects.toThrow(/No Resend API key/)
  })

  it('a sender on a domain Resend has not verified is refused, as Resend refuses it live', async () => {
    const to = `unverified-${Date.now()}@example.com`
    await expect(
      sendEmail(
        { ...connection(), from: 'Shop <shop@unverified.example>' },
        { ...renderReceiptEmail(input), to, idempotencyKey: `test/${to}` },
      ),
    ).rejects.toThrow(/validation_error: The unverified\.example domain is not verified/)
    expect(await mailTo(to)).toEqual([])
  })
})
