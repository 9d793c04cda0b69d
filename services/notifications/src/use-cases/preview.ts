import type { Language } from '../domain/languages.js';
import type { NoticeKind } from '../domain/notice.js';
import { present } from '../domain/presentation.js';
import { sampleCustomerName, sampleFacts, sampleIds, sampleProductName } from '../domain/samples.js';
import { renderMessage, type RenderedMessage } from '../templates/render-message.js';

/** A template with sample data, exactly as the sender renders it. */
export function previewMessage(kind: NoticeKind, language: Language, storefrontUrl: string): RenderedMessage {
  const vars = present(sampleFacts[kind], {
    language,
    customerName: sampleCustomerName,
    orderId: ['WELCOME', 'RELEASE_DATE_CHANGED', 'SPEC_CHANGED', 'PRODUCT_ARRIVED'].includes(kind) ? null : sampleIds.orderId,
    productNames: { [sampleIds.productId]: sampleProductName },
    storefrontUrl,
  });
  return renderMessage(kind, language, vars);
}
