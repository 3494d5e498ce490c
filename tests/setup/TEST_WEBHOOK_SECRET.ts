/** The webhook secret of the test run: the emulator signs with it, the app verifies with it, tests sign with it. */
export const TEST_WEBHOOK_SECRET = 'whsec_test_suite_secret'
