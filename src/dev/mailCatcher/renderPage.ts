import { escapeHtml } from './escapeHtml'

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
export function renderPage(title: string, body: string): string {
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
