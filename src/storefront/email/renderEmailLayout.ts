import { escapeHtml } from './escapeHtml'

type Layout = {
  storeName: string
  heading: string
  paragraphs: string[]
  button?: { label: string; href: string }
  footer: string
}

/** The one HTML shell all shop emails share. Every argument is plain text and is escaped here. */
export function renderEmailLayout({
  storeName,
  heading,
  paragraphs,
  button,
  footer,
}: Layout): string {
  const body = paragraphs
    .map((text) => `<p style="margin:0 0 16px;line-height:1.5">${escapeHtml(text)}</p>`)
    .join('\n')
  const cta = button
    ? `<p style="margin:24px 0"><a href="${escapeHtml(button.href)}" style="background:#4f46e5;color:#ffffff;padding:12px 20px;border-radius:6px;text-decoration:none;display:inline-block">${escapeHtml(button.label)}</a></p>`
    : ''
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(heading)}</title></head>
<body style="font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;color:#1d1d1f;max-width:560px;margin:0 auto;padding:24px">
<p style="font-weight:700;margin:0 0 24px">${escapeHtml(storeName)}</p>
<h1 style="font-size:20px;margin:0 0 16px">${escapeHtml(heading)}</h1>
${body}
${cta}
<p style="color:#5f6368;font-size:13px;margin-top:32px">${escapeHtml(footer)}</p>
</body></html>`
}
