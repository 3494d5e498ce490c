import type { CaughtEmail } from './types'

/** The catcher's own HTML pages (the inbox, one message, not found), all sharing one frame. */

/**
 * Escapes text for HTML element content and quoted attribute values alike. Everything the
 * inbox pages show came from a request body, so every value goes through here.
 */
function escapeHtml(value: string): string {
  return value
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;')
}

/** `2025-03-01T09:30:12.345Z` → `2025-03-01 09:30:12 UTC`: readable, and still unambiguous. */
function formatTime(iso: string): string {
  return iso.replace('T', ' ').replace(/(\.\d+)?Z$/, ' UTC')
}

const STYLE = `
  body { font: 15px/1.45 system-ui, sans-serif; margin: 0 auto; max-width: 960px; padding: 1.5rem; color: #1a1a1a; }
  a { color: #0b57d0; }
  table { border-collapse: collapse; width: 100%; }
  th, td { text-align: left; padding: .45rem .6rem; border-bottom: 1px solid #e3e3e3; vertical-align: top; }
  td { white-space: pre-line; overflow-wrap: anywhere; }
  th { font-weight: 600; color: #555; white-space: nowrap; }
  time { white-space: nowrap; color: #555; }
  iframe { width: 100%; height: 32rem; border: 1px solid #ccc; background: #fff; }
  pre { white-space: pre-wrap; background: #f6f6f6; padding: 1rem; border: 1px solid #e3e3e3; }
  .empty { color: #777; }
`

/** The frame every catcher page shares. `title` is text (escaped here); `body` is trusted markup. */
function renderPage(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
${body}
</body>
</html>
`
}

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

function row(label: string, value: string): string {
  return value === '' ? '' : `<tr><th>${escapeHtml(label)}</th><td>${escapeHtml(value)}</td></tr>`
}

function describeAttachments(email: CaughtEmail): string {
  return email.attachments
    .map(
      (file) =>
        `${file.filename ?? '(unnamed)'}${file.size === null ? ` from ${file.path}` : ` (${file.size} bytes)`}`,
    )
    .join(', ')
}

/**
 * `GET /messages/:id`. The HTML part is shown in an iframe with `sandbox=""` and `srcdoc`: the
 * email renders as the recipient would see it, but cannot run scripts, submit forms, navigate
 * this page or reach the catcher's origin. The srcdoc value is escaped like any attribute.
 */
export function renderMessagePage(email: CaughtEmail): string {
  const details = [
    row('From', email.from),
    row('To', email.to.join(', ')),
    row('Cc', email.cc.join(', ')),
    row('Bcc', email.bcc.join(', ')),
    row('Reply-To', email.reply_to.join(', ')),
    row('Subject', email.subject),
    row('Received', formatTime(email.created_at)),
    row('Scheduled at', email.scheduled_at ?? ''),
    row(
      'Template',
      email.template ? `${email.template.id} ${JSON.stringify(email.template.variables)}` : '',
    ),
    row('Tags', email.tags.map((tag) => `${tag.name}=${tag.value}`).join(', ')),
    row(
      'Headers',
      Object.entries(email.headers)
        .map(([name, value]) => `${name}: ${value}`)
        .join('\n'),
    ),
    row('Attachments', describeAttachments(email)),
    row('Idempotency key', email.idempotency_key ?? ''),
    row('Id', email.id),
  ]
    .filter((line) => line !== '')
    .join('\n')

  const html =
    email.html === null
      ? '<p class="empty">No HTML part.</p>'
      : `<iframe sandbox="" srcdoc="${escapeHtml(email.html)}" title="HTML part of the email"></iframe>`
  const text =
    email.text === null
      ? '<p class="empty">No text part.</p>'
      : `<pre>${escapeHtml(email.text)}</pre>`

  return renderPage(
    `${email.subject || '(no subject)'} · Mail catcher`,
    `<p><a href="/">← Inbox</a></p>
<h1>${escapeHtml(email.subject || '(no subject)')}</h1>
<table>
${details}
</table>
<h2>HTML</h2>
${html}
<h2>Text</h2>
${text}`,
  )
}

/** The page for a message id that was never received or has been cleared. */
export function renderNotFoundPage(): string {
  return renderPage(
    'Not found · Mail catcher',
    '<p><a href="/">← Inbox</a></p>\n<h1>No such message</h1>\n<p>It was never received, or the inbox was cleared since.</p>',
  )
}
