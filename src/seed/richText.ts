import type { Product } from '@/payload-types'

/** A Lexical document of plain paragraphs, the shape the admin's rich text editor saves. */
export function richTextParagraphs(...paragraphs: string[]): NonNullable<Product['description']> {
  return {
    root: {
      type: 'root',
      direction: 'ltr',
      format: '',
      indent: 0,
      version: 1,
      children: paragraphs.map((text) => ({
        type: 'paragraph',
        direction: 'ltr',
        format: '',
        indent: 0,
        version: 1,
        textFormat: 0,
        textStyle: '',
        children: [
          { type: 'text', detail: 0, format: 0, mode: 'normal', style: '', text, version: 1 },
        ],
      })),
    },
  }
}
