import type { CaughtEmail } from './types'

import { escapeHtml } from './escapeHtml'
import { formatTime } from './formatTime'
import { renderPage } from './renderPage'

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
