import type { Metadata } from 'next'

import Link from 'next/link'
import React from 'react'

import { AccountNav } from '@/components/AccountNav'
import { env } from '@/env'

import './styles.css'

export const metadata: Metadata = {
  title: { default: env.STORE_NAME, template: `%s · ${env.STORE_NAME}` },
  description: 'Digital downloads, paid securely with Stripe.',
}

export default function FrontendLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body>
        <header className="site-header">
          <Link className="brand" href="/">
            {env.STORE_NAME}
          </Link>
          <nav aria-label="Main">
            <Link href="/products">Products</Link>
          </nav>
          <AccountNav />
        </header>
        <main className="site-main">{children}</main>
        <footer className="site-footer">
          Payments by Stripe. Files are yours to download after purchase.
        </footer>
      </body>
    </html>
  )
}
