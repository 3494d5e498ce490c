export const SEND_PAYMENT_FAILED_TASK = 'storefrontSendPaymentFailedEmail'
