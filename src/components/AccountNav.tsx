'use client'

import Link from 'next/link'
import { usePathname } from 'next/navigation'
import { useEffect, useState } from 'react'

import { signOut } from '@/app/(frontend)/_actions/authActions'

type Me = { email: string; name?: null | string } | null

/**
 * Who is signed in, fetched in the browser from Payload's /api/users/me so that catalog and
 * product pages stay statically rendered (no cookies read on the server).
 */
export function AccountNav() {
  const [me, setMe] = useState<Me | undefined>(undefined)
  const pathname = usePathname()

  useEffect(() => {
    let active = true
    fetch('/api/users/me', { credentials: 'same-origin', cache: 'no-store' })
      .then((response) => (response.ok ? response.json() : { user: null }))
      .then((body: { user: Me }) => active && setMe(body.user))
      .catch(() => active && setMe(null))
    return () => {
      active = false
    }
  }, [pathname])

  if (me === undefined) return <span className="account-nav" aria-busy="true" />
  if (!me) {
    return (
      <span className="account-nav">
        <Link href={`/login?callbackUrl=${encodeURIComponent(pathname)}`}>Sign in</Link>
        <Link href="/signup">Sign up</Link>
      </span>
    )
  }
  return (
    <span className="account-nav">
      <Link className="account-name" href="/products/account" title={me.email}>
        Signed in as {me.name || me.email}
      </Link>
      <form action={signOut}>
        <button type="submit" className="link-button">
          Sign out
        </button>
      </form>
    </span>
  )
}
