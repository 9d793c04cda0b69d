import { customerRegionProjection, type ServiceDefinition } from '@vitrine/platform';
import { loadNotificationsSettings } from './config/notifications-env.js';
import { attachRuntime } from './config/notifications-runtime.js';
import { notificationsHandlers } from './events/handlers.js';
import { notifications } from './identity.js';
import { createSmtpMailer } from './mail/mailer.js';
import { NotificationsResolver } from './schema/notifications.resolver.js';
import { MyPartnerResolver } from './schema/my-partner.resolver.js';
import { PartnersResolver } from './schema/partners.resolver.js';
import { StaffReadsResolver } from './schema/staff-reads.resolver.js';
import { notificationsEntities } from './store/entities.js';
import { notificationsMigrations } from './store/migrations/index.js';
import { notificationsTimers } from './use-cases/send-message.js';
import { deliverWebhookTimer, webhookTimers } from './use-cases/webhooks.js';

export const notificationsService: ServiceDefinition = {
  identity: notifications,
  entities: notificationsEntities,
  migrations: notificationsMigrations,
  resolvers: [NotificationsResolver, PartnersResolver, MyPartnerResolver, StaffReadsResolver],
  handlers: notificationsHandlers,
  timers: [...notificationsTimers, ...webhookTimers],
  // Deliveries mostly wait on partners' answers; emails stay one at a time.
  timerConcurrency: (environment) => ({ [deliverWebhookTimer]: loadNotificationsSettings(environment).WEBHOOK_CONCURRENCY }),
  projections: [customerRegionProjection],
  onStart: async ({ orm, environment, logger }) => {
    const settings = loadNotificationsSettings(environment);
    const mailer = createSmtpMailer({ url: settings.SMTP_URL, from: settings.MAIL_FROM, timeoutMs: settings.SMTP_TIMEOUT_MS });
    attachRuntime(orm, {
      settings,
      mailer,
      retry: { baseMs: settings.EMAIL_RETRY_BASE_MS, maxMs: settings.EMAIL_RETRY_MAX_MS, maxAttempts: settings.EMAIL_MAX_ATTEMPTS },
      webhookRetry: { baseMs: settings.WEBHOOK_RETRY_BASE_MS, maxMs: settings.WEBHOOK_RETRY_MAX_MS, maxAttempts: settings.WEBHOOK_MAX_ATTEMPTS },
    });
    logger.info({ smtp: new URL(settings.SMTP_URL).host, storefront: settings.STOREFRONT_URL }, 'notifications ready to send');
  },
};
