// Test-only helpers for notifications' int specs (excluded from the build): the service alone, a real SMTP server (Mailpit), a test token issuer.
import { customerContactChangedV1, customerRegisteredV1 } from '@vitrine/contracts';
import {
  bootIsolatedService,
  eventually,
  startTestMailServer,
  type IsolatedService,
  type ReceivedMail,
  type TestIdentity,
  type TestMailServer,
} from '@vitrine/testing';
import { notificationsService } from '../notifications-service.js';

export interface NotificationsHarness extends IsolatedService {
  readonly mail: TestMailServer;
  /** A customer accounts announced (country and contact), with the address mail goes to. */
  newCustomer(country?: string, options?: { contact?: boolean }): Promise<TestIdentity & { email: string }>;
  /** The messages `address` received, once there are `count` (and never more after a short settle). */
  mailTo(address: string, count: number): Promise<ReceivedMail[]>;
  /** The service's message rows for a customer. */
  messagesOf(customerId: string): Promise<{ id: string; kind: string; status: string; attempts: number; recipient: string | null; language: string | null }[]>;
  stopAll(): Promise<void>;
}

export const storefront = 'https://shop.test';

/** Notifications on its own database and topics, sending to its own Mailpit; retries are fast so a spec can watch them. */
export async function bootNotifications(label: string, env: Record<string, string> = {}): Promise<NotificationsHarness> {
  const mail = await startTestMailServer();
  try {
    const service = await bootIsolatedService(notificationsService, {
      label,
      env: {
        SMTP_URL: `smtp://${mail.host}:${mail.smtpPort}`,
        MAIL_FROM: 'Vitrine Test <store@vitrine.test>',
        STOREFRONT_URL: storefront,
        TIMER_POLL_MS: '100',
        EMAIL_RETRY_BASE_MS: '200',
        EMAIL_RETRY_MAX_MS: '1000',
        EMAIL_MAX_ATTEMPTS: '8',
        SMTP_TIMEOUT_MS: '5000',
        ...env,
      },
    });
    let count = 0;
    const newCustomer = async (country = 'US', options: { contact?: boolean } = {}) => {
      const customer = await service.tokens.customer();
      const email = `customer-${++count}-${customer.id.slice(0, 8)}@example.test`;
      await service.publish({ source: 'accounts', definition: customerRegisteredV1, subject: customer.id, data: { customerId: customer.id, country } });
      if (options.contact !== false) {
        await service.publish({
          source: 'accounts',
          definition: customerContactChangedV1,
          subject: customer.id,
          data: { customerId: customer.id, email, displayName: `Customer ${count}` },
        });
      }
      await eventually(async () => (await service.sql('select 1 from notifications.customer_region where customer_id = ?', [customer.id])).length === 1);
      return Object.assign(customer, { email });
    };
    const mailTo = async (address: string, expected: number) => {
      await eventually(async () => (await mail.messagesTo(address)).length >= expected);
      // Give a duplicate the time it would need to arrive (the timers poll every 100 ms).
      await new Promise((resolve) => setTimeout(resolve, 600));
      return mail.messagesTo(address);
    };
    const messagesOf = (customerId: string) =>
      service.sql('select id, kind, status, attempts, recipient, language from notifications.message where customer_id = ? order by created_at, id', [
        customerId,
      ]);
    return Object.assign(service, {
      mail,
      newCustomer,
      mailTo,
      messagesOf,
      async stopAll() {
        await service.stop();
        await mail.stop();
      },
    });
  } catch (err) {
    await mail.stop();
    throw err;
  }
}
