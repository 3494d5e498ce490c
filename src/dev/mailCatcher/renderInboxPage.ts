import type { CaughtEmail } from './types'

import { escapeHtml } from './escapeHtml'
import { formatTime } from './formatTime'
import { renderPage } from './renderPage'

/** `GET /`: every caught email, newest first (the order `emails` arrives in). */
export function renderInboxPage(emails: CaughtEmail[]): string {
  const rows = emails
    .map(
      (email) => `<tr>
  <td><time datetime="${escapeHtml(email.created_at)}">${escapeHtml(formatTime(email.created_at))}</time></td>
  <td>${escapeHtml(email.to.join(', '))}</td>
  <td><a href="/messages/${encodeURIComponent(email.id)}">${escapeHtml(email.subject || '(no subject)')}</a></td>
</tr>`,
    )
    .join('\n')

  const list =
    emails.length === 0
      ? '<p class="empty">No mail yet. Mail sent through the resend SDK with RESEND_BASE_URL pointing here shows up on this page.</p>'
      : `<table>
<thead><tr><th>Received</th><th>To</th><th>Subject</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>`

  const count = `${emails.length} ${emails.length === 1 ? 'message' : 'messages'}`
  return renderPage(
    `Mail catcher · ${count}`,
    `<h1>Mail catcher</h1>\n<p>${count} · <a href="/">refresh</a></p>\n${list}`,
  )
}
