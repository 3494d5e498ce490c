export const SEND_PURCHASE_RECEIPT_TASK = 'storefrontSendPurchaseReceipt'
