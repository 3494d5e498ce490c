/** What kind of file a name is, in words a shopper knows: "ZIP archive", "PDF document". */
const KINDS: Record<string, string> = {
  zip: 'ZIP archive',
  pdf: 'PDF document',
  epub: 'EPUB e-book',
  mp3: 'MP3 audio',
  mp4: 'MP4 video',
  png: 'PNG image',
  jpg: 'JPEG image',
  jpeg: 'JPEG image',
  csv: 'CSV spreadsheet',
  xlsx: 'Excel workbook',
  docx: 'Word document',
  txt: 'Text file',
  json: 'JSON file',
  fig: 'Figma file',
  sketch: 'Sketch file',
}

export function fileKind(fileName: string): string {
  const extension = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase()
  if (!extension) return 'File'
  return KINDS[extension] ?? `${extension.toUpperCase()} file`
}
