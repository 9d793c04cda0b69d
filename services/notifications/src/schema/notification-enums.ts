import { graphqlEnum } from '@vitrine/platform';
import { messageStatuses } from '../domain/delivery.js';
import { languages } from '../domain/languages.js';
import { noticeKinds } from '../domain/notice.js';

export const NotificationKindEnum = graphqlEnum(noticeKinds, {
  name: 'NotificationKind',
  description: 'What a message tells the customer (one template each).',
});

export const NotificationStatusEnum = graphqlEnum(messageStatuses, {
  name: 'NotificationStatus',
  description: 'PENDING until the SMTP server accepts it; FAILED when its tries ran out; CANCELLED when the account was deleted first.',
});

export const NotificationLanguageEnum = graphqlEnum(languages, { name: 'NotificationLanguage', description: 'A language messages are written in.' });
