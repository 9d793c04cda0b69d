/** The bench's SMTP server's name in the report's CPU and memory tables. */
export const smtpSinkProcess = 'smtp-sink';
