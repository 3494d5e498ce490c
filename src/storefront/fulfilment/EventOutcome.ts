export type EventOutcome = {
  outcome: 'ignored' | 'processed'
  note: string
  purchaseId?: number | string
}
