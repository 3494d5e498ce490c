/** The mail catcher's public surface; everything else in this folder is its inside. */
export { createMailCatcher } from './createMailCatcher'
export type {
  CaughtAttachment,
  CaughtEmail,
  MailCatcher,
  MailCatcherOptions,
  MailTranscriptEntry,
} from './types'
export type { ResendErrorBody } from './resendError'
