import { formatFileSize } from './formatFileSize'

type Props = {
  download: { url: string; fileName: string; sizeBytes: number }
  /** What is being downloaded, for screen readers when several buttons share a page. */
  productTitle: string
}

/**
 * A plain link to the download endpoint: the browser saves the attachment itself, resumes it
 * when interrupted, and it works without JavaScript. No `download` attribute: should the
 * endpoint refuse (say the purchase was refunded since), the browser shows its sentence
 * instead of saving it as a file.
 */
export function DownloadLink({ download, productTitle }: Props) {
  return (
    <span className="download">
      <a
        className="download-button"
        href={download.url}
        aria-label={`Download ${productTitle} (${download.fileName}, ${formatFileSize(download.sizeBytes)})`}
      >
        Download
      </a>
      <span className="file-info">
        {download.fileName} · {formatFileSize(download.sizeBytes)}
      </span>
    </span>
  )
}
