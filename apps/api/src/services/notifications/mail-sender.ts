import nodemailer from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport';

/** A mail as the worker hands it to the mail server: one recipient, plain text. */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  /** Extra headers, e.g. List-Unsubscribe. */
  headers?: Record<string, string>;
}

/** Hands mail to an SMTP server; resolves once the server accepted it. */
export interface MailSender {
  send(message: MailMessage): Promise<void>;
  close(): void;
}

/**
 * An SMTP sender for `smtp://` / `smtps://` URLs (user and password in the URL, if any). On
 * loopback (the demo catcher, tests) STARTTLS is not attempted; elsewhere nodemailer upgrades
 * when the server offers it.
 */
export function createSmtpSender(url: string, from: string): MailSender {
  const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(new URL(url).hostname);
  const transport = nodemailer.createTransport({
    url,
    ignoreTLS: loopback,
    // A server that accepts the connection and then says nothing must not hold the worker for
    // long: the outbox retries later.
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  } satisfies SMTPTransport.Options);
  return {
    async send(message) {
      await transport.sendMail({ from, ...message });
    },
    close() {
      transport.close();
    },
  };
}

/** True when the server refused the mail for good (a 5xx answer), so retrying cannot help. */
export function isPermanentFailure(error: unknown): boolean {
  const code = (error as { responseCode?: unknown }).responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
}
