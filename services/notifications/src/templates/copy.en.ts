import { englishAccountCopy } from './account-copy.js';
import type { Catalogue } from './message-copy.js';

export const english: Catalogue = {
  WELCOME: {
    subject: 'Welcome to the store, {{ name }}',
    heading: 'Welcome, {{ name }}',
    paragraphs: ['Your account is ready. Preorders, payments and shipping news will come to this address.'],
    action: { label: 'See your orders', url: '{{ orderUrl }}' },
  },
  ORDER_CONFIRMED: {
    subject: 'Order {{ orderRef }} confirmed',
    heading: 'Thank you for your order',
    paragraphs: [
      'Your order {{ orderRef }} is confirmed: the units are held for you.',
      '{% if nextPayment %}Next payment: {{ nextPayment.purpose }} of {{ nextPayment.amount }}{% if nextPayment.dueAt != "" %}, due by {{ nextPayment.dueAt }}{% endif %}.{% endif %}',
    ],
    rows: 'lines',
    facts: [
      ['Goods total', '{{ total }}'],
      ['Estimated shipping', '{{ shipping }}'],
    ],
    action: { label: 'View your order', url: '{{ orderUrl }}' },
  },
  PAYMENT_DUE: {
    subject: 'Payment due for order {{ orderRef }}: {{ amount }} by {{ dueAt }}',
    heading: 'Your {{ purpose }} is due',
    paragraphs: ['Please pay {{ amount }} for order {{ orderRef }} by {{ dueAt }}. Past that date the store policy of your order applies.'],
    facts: [
      ['Amount', '{{ amount }}'],
      ['Due by', '{{ dueAt }}'],
    ],
    action: { label: 'Pay now', url: '{{ payUrl }}' },
  },
  CARD_CHARGE_SCHEDULED: {
    subject: 'Order {{ orderRef }}: we are charging {{ amount }} to your saved card',
    heading: 'Your order is about to ship',
    paragraphs: ['The shipping date of order {{ orderRef }} is set: we are charging the {{ purpose }} of {{ amount }} to the payment method you saved.'],
    facts: [['Amount', '{{ amount }}']],
    action: { label: 'View your order', url: '{{ orderUrl }}' },
  },
  PAYMENT_FAILED: {
    subject: 'Payment of {{ amount }} failed for order {{ orderRef }}',
    heading: 'Your payment did not go through',
    paragraphs: ['We could not collect the {{ purpose }} of {{ amount }}: {{ reason }}', 'Nothing was charged. Please pay again, or use another card.'],
    facts: [['Orders', '{{ orderRefs }}']],
    action: { label: 'Pay again', url: '{{ payUrl }}' },
  },
  ORDER_CANCELLED: {
    subject: 'Order {{ orderRef }} cancelled',
    heading: 'Your order was cancelled',
    paragraphs: [
      'Order {{ orderRef }} is cancelled. {{ rule }}',
      '{% if hasRefund %}We are refunding {{ refund }}.{% else %}There is nothing to refund.{% endif %}',
    ],
    facts: [
      ['Refund', '{{ refund }}'],
      ['Kept by the store', '{% if hasFee %}{{ fee }}{% endif %}'],
    ],
    action: { label: 'View your order', url: '{{ orderUrl }}' },
  },
  ORDER_EXPIRED: {
    subject: 'Order {{ orderRef }} ended: payment not received',
    heading: 'Your order has ended',
    paragraphs: [
      'The payment for order {{ orderRef }} was not received in time, so the order has ended. {{ rule }}',
      '{% if hasRefund %}We are refunding {{ refund }}.{% endif %}',
    ],
    facts: [
      ['Refund', '{{ refund }}'],
      ['Kept by the store', '{% if hasFee %}{{ kept }}{% endif %}'],
    ],
    action: { label: 'View your order', url: '{{ orderUrl }}' },
  },
  CANCELLATION_OFFERED: {
    subject: 'Order {{ orderRef }}: you may cancel until {{ closesAt }}',
    heading: 'You may cancel this order',
    paragraphs: [
      '{% if reason == "SPEC_CHANGE" %}The specifications of {{ product }} changed{% else %}The release date of {{ product }} changed{% endif %}, so you may cancel order {{ orderRef }} until {{ closesAt }} and get {{ refund }} back.',
      '{{ rule }}',
    ],
    facts: [
      ['Refund if you cancel', '{{ refund }}'],
      ['Offer closes', '{{ closesAt }}'],
    ],
    action: { label: 'Review your order', url: '{{ orderUrl }}' },
  },
  ORDER_SHIPPED: {
    subject: 'Order {{ orderRef }} has shipped',
    heading: 'Your order is on its way',
    paragraphs: ['Order {{ orderRef }} left our warehouse. The tracking number is on your order page.'],
    action: { label: 'Track your order', url: '{{ orderUrl }}' },
  },
  ORDER_DELIVERED: {
    subject: 'Order {{ orderRef }} was delivered',
    heading: 'Your order was delivered',
    paragraphs: [
      'The courier delivered order {{ orderRef }}. If anything arrived damaged or missing, open a claim from your order page within the deadline of your order.',
    ],
    action: { label: 'View your order', url: '{{ orderUrl }}' },
  },
  RELEASE_DATE_CHANGED: {
    subject: 'New release date for {{ product }}: {{ newEstimate }}',
    heading: 'The release date changed',
    paragraphs: [
      'The maker moved the estimated release of {{ product }} to {{ newEstimate }}{% if oldEstimate != "" %} (it was {{ oldEstimate }}){% endif %}. Your preorder ({{ orderRefs }}) stays in place.',
      '{{ reason }}',
    ],
    facts: [
      ['Previous estimate', '{{ oldEstimate }}'],
      ['New estimate', '{{ newEstimate }}'],
    ],
    action: { label: 'See your orders', url: '{{ orderUrl }}' },
  },
  SPEC_CHANGED: {
    subject: 'Specification change for {{ product }}',
    heading: 'The specifications changed',
    paragraphs: ['The maker changed the specifications of {{ product }}, which you preordered ({{ orderRefs }}).', '{{ description }}', '{{ reason }}'],
    rows: 'changes',
    action: { label: 'See your orders', url: '{{ orderUrl }}' },
  },
  PRODUCT_ARRIVED: {
    subject: '{{ product }} has arrived at our warehouse',
    heading: 'Your preorder has arrived',
    paragraphs: [
      'Units of {{ product }} reached our warehouse on {{ arrivedAt }}. They go to preorders in the order they were placed; we will write again when yours ({{ orderRefs }}) is ready to pay or ship.',
    ],
    action: { label: 'See your orders', url: '{{ orderUrl }}' },
  },
  REFUND_ISSUED: {
    subject: 'Refund of {{ amount }} for order {{ orderRef }}',
    heading: 'Your refund is on its way',
    paragraphs: ['We refunded {{ amount }} for order {{ orderRef }} to your original payment method. Banks take a few days to show it.'],
    facts: [['Refund', '{{ amount }}']],
    action: { label: 'View your order', url: '{{ orderUrl }}' },
  },
  SHIPPING_QUOTED: {
    subject:
      'Final shipping cost for {% if manyOrders %}orders{% else %}order{% endif %} {{ orderRef }}: {{ finalCost }}{% if outcome == "REFUND_EXCESS" %}, {{ excessRefund }} refunded{% elsif outcome == "EXTRA_INVOICE" %}, {{ extraDue }} left to pay{% endif %}',
    heading: 'Your parcel is packed',
    paragraphs: [
      'We packed {% if manyOrders %}orders{% else %}order{% endif %} {{ orderRef }}: the parcel weighs {{ weight }} and measures {{ size }}. Shipping it costs {{ finalCost }}; the estimate paid at checkout was {{ estimatePaid }}.',
      '{% if outcome == "REFUND_EXCESS" %}That is less than the estimate: we are refunding the difference, {{ excessRefund }}, to your original payment method.{% elsif outcome == "EXTRA_INVOICE" %}That is more than the estimate: please pay the difference, {{ extraDue }}. The parcel leaves once it is paid.{% else %}That is the estimate you paid: there is nothing more to pay.{% endif %}',
      'You will get the tracking number when it leaves our warehouse.',
    ],
    facts: [
      ['Weight', '{{ weight }}'],
      ['Size', '{{ size }}'],
      ['Shipping cost', '{{ finalCost }}'],
      ['Estimate paid', '{{ estimatePaid }}'],
      ['Refunded to you', '{% if outcome == "REFUND_EXCESS" %}{{ excessRefund }}{% endif %}'],
      ['Left to pay', '{% if outcome == "EXTRA_INVOICE" %}{{ extraDue }}{% endif %}'],
    ],
    action: {
      label: '{% if outcome == "EXTRA_INVOICE" %}Pay now{% else %}View your order{% endif %}',
      url: '{% if outcome == "EXTRA_INVOICE" %}{{ payUrl }}{% else %}{{ orderUrl }}{% endif %}',
    },
  },
  SHIPMENT_DISPATCHED: {
    subject: '{% if manyOrders %}Orders{% else %}Order{% endif %} {{ orderRef }} shipped with {{ carrier }}: tracking number {{ trackingNumber }}',
    heading: 'Your order is on its way',
    paragraphs: [
      '{% if manyOrders %}Orders{% else %}Order{% endif %} {{ orderRef }} left our warehouse on {{ dispatchedAt }} with {{ carrier }}. Follow the parcel with its tracking number, {{ trackingNumber }}, on the carrier’s site or from your order page.',
    ],
    facts: [
      ['Carrier', '{{ carrier }}'],
      ['Tracking number', '{{ trackingNumber }}'],
      ['Weight', '{{ weight }}'],
      ['Size', '{{ size }}'],
      ['Shipping cost', '{% if replacement %}Paid by the store (a replacement for your claim){% else %}{{ finalCost }}{% endif %}'],
    ],
    action: { label: 'Track your order', url: '{{ orderUrl }}' },
  },
  EXTRA_SHIPPING_WAIVED: {
    subject: 'Good news for {% if manyOrders %}orders{% else %}order{% endif %} {{ orderRef }}: we are covering the extra postage of {{ extraWaived }}',
    heading: 'Nothing more to pay for your parcel',
    paragraphs: [
      'Good news: we are covering the extra postage of {{ extraWaived }} for your parcel ({% if manyOrders %}orders{% else %}order{% endif %} {{ orderRef }}); there is nothing more to pay.',
      'You do not need the payment link we sent you; if a payment for it goes through anyway, we refund it to you.',
      'The parcel leaves our warehouse soon: you will get the tracking number when it does.',
    ],
    facts: [
      ['Extra postage covered by the store', '{{ extraWaived }}'],
      ['Left to pay', 'Nothing'],
    ],
    action: { label: 'View your order', url: '{{ orderUrl }}' },
  },
  CLAIM_SUBMITTED: {
    subject: 'We received your claim on order {{ orderRef }}',
    heading: 'Your claim is with our after-sales team',
    paragraphs: [
      'Your claim about {{ product }} in order {{ orderRef }} ({{ claimKind }}) has reached our after-sales team. They will review it and email you their decision.',
    ],
    facts: [
      ['Claim', '{{ claimRef }}'],
      ['Issue', '{{ claimKind }}'],
      ['Photos and videos', '{{ evidenceCount }}'],
    ],
    action: { label: 'View your order', url: '{{ orderUrl }}' },
  },
  CLAIM_DECIDED: {
    subject:
      'Your claim on order {{ orderRef }}: {% if resolution == "PARTIAL_REFUND" %}{{ refund }} refunded{% elsif resolution == "REPLACEMENT_PART" %}replacement parts are coming{% else %}please return the item{% endif %}',
    heading: 'Your claim was decided',
    paragraphs: [
      'Our after-sales team reviewed your claim about {{ product }} in order {{ orderRef }}.',
      '{% if resolution == "PARTIAL_REFUND" %}You keep the item, and we are refunding {{ refund }} to your original payment method.{% elsif resolution == "REPLACEMENT_PART" %}We are sending you replacement parts: {{ replacementParts }}. They come from the studio and can take a few weeks to reach you.{% else %}Please send the item back: the return instructions are on your order page.{% endif %}',
      '{{ partRules }}',
    ],
    rows: 'parts',
    facts: [['Refund', '{% if hasRefund %}{{ refund }}{% endif %}']],
    action: { label: 'View your order', url: '{{ orderUrl }}' },
  },
  CLAIM_OFFERED: {
    subject: 'Your claim on order {{ orderRef }}: choose how we resolve it',
    heading: 'Choose how we resolve your claim',
    paragraphs: [
      'Our after-sales team reviewed your claim about {{ product }} in order {{ orderRef }}. Your order’s policy lets you choose one of these:',
      '{{ offerRules }}',
      '{{ partRules }}',
      'Nothing happens until you choose: make your choice from your claim’s page.',
    ],
    rows: 'offers',
    facts: [['Claim', '{{ claimRef }}']],
    action: { label: 'Choose your resolution', url: '{{ claimUrl }}' },
  },
  CLAIM_EVIDENCE_REQUESTED: {
    subject: 'Your claim on order {{ orderRef }}: please add photos or videos',
    heading: 'We need more evidence for your claim',
    paragraphs: [
      'Our after-sales team needs more to decide on your claim {{ claimRef }} in order {{ orderRef }}. They ask:',
      '{{ note }}',
      'Add the photos or videos from your claim’s page, then submit the claim again. The team reviews it once it is submitted.',
    ],
    facts: [['Claim', '{{ claimRef }}']],
    action: { label: 'Add photos or videos', url: '{{ claimUrl }}' },
  },
  CLAIM_REFUSED: {
    subject: 'Your claim on order {{ orderRef }} was refused',
    heading: 'We cannot accept your claim',
    paragraphs: [
      'Our after-sales team reviewed your claim about {{ product }} in order {{ orderRef }} and could not accept it under your order’s policy:',
      '{{ rule }}',
    ],
    facts: [['Claim', '{{ claimRef }}']],
    action: { label: 'View your order', url: '{{ orderUrl }}' },
  },
  CLAIM_RESOLVED: {
    subject: 'Your claim on order {{ orderRef }} is resolved{% if hasRefund %}: {{ refund }} refunded{% endif %}',
    heading: 'Your claim is resolved',
    paragraphs: [
      '{% if resolution == "PARTIAL_REFUND" %}As you chose, you keep {{ product }} from order {{ orderRef }} with a partial refund.{% elsif resolution == "KEEP_WITH_DISCOUNT" %}As you chose, you keep {{ product }} from order {{ orderRef }} with a discount.{% elsif resolution == "REPLACEMENT_PART" %}The replacement part you chose for {{ product }} (order {{ orderRef }}) has been sent.{% elsif resolution == "EXCHANGE" %}The exchange you chose for {{ product }} (order {{ orderRef }}) is done.{% else %}We received {{ product }} (order {{ orderRef }}) you sent back as you chose.{% endif %} Your claim is closed.',
      '{% if hasRefund %}We are refunding {{ refund }} to your original payment method.{% endif %}',
    ],
    facts: [
      ['Claim', '{{ claimRef }}'],
      ['Refund', '{% if hasRefund %}{{ refund }}{% endif %}'],
    ],
    action: { label: 'View your order', url: '{{ orderUrl }}' },
  },
  RETURN_RECEIVED: {
    subject: 'Your return for order {{ orderRef }}: {% if hasRefund %}{{ refund }} refunded{% else %}nothing to refund{% endif %}',
    heading: 'We received your return',
    paragraphs: [
      'We received and inspected {{ product }} you sent back from order {{ orderRef }}. {% if accepted %}It came back as your order’s policy asks.{% else %}It did not come back as your order’s policy asks.{% endif %}',
      '{% if hasRefund %}We are refunding {{ refund }} to your original payment method.{% else %}There is nothing to refund.{% endif %}',
      '{{ rule }}',
    ],
    facts: [
      ['Return', '{{ returnRef }}'],
      ['Refund', '{% if hasRefund %}{{ refund }}{% endif %}'],
      ['Restocking fee', '{% if accepted and hasRestockingFee %}{{ restockingFee }}{% endif %}'],
    ],
    action: { label: 'View your order', url: '{{ orderUrl }}' },
  },
  RETURN_REQUESTED: {
    subject: 'Your return for order {{ orderRef }} is accepted: {{ quotedRefund }} refunded once it is back',
    heading: 'Your return is accepted',
    paragraphs: [
      'You asked to send {{ product }} back from order {{ orderRef }}. If it comes back as your order’s policy asks, we refund {{ quotedRefund }} to your original payment method once we have inspected it.',
      '{% if hasRestockingFee %}A restocking fee of {{ restockingFee }} is kept. {% endif %}{% if shippingRefund != "" %}The refund includes {{ shippingRefund }} of the shipping you paid.{% else %}The shipping you paid is not refunded.{% endif %} {{ returnPostage }}',
      '{{ rule }}',
    ],
    facts: [
      ['Return', '{{ returnRef }}'],
      ['Refund on arrival', '{{ quotedRefund }}'],
      ['Restocking fee', '{% if hasRestockingFee %}{{ restockingFee }}{% endif %}'],
      ['Shipping refunded', '{{ shippingRefund }}'],
    ],
    action: { label: 'View your order', url: '{{ orderUrl }}' },
  },
  ...englishAccountCopy,
};
