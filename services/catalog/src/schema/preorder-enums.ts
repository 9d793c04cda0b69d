import { graphqlEnum } from '@vitrine/platform';
import { paymentPlanKinds, preorderCloseReasons } from '@vitrine/contracts';
import { campaignStates } from '../domain/preorder-campaign.js';

export const PaymentPlanKindEnum = graphqlEnum(paymentPlanKinds, {
  name: 'PaymentPlanKind',
  description: 'How a preorder is paid.',
  valuesConfig: {
    DEPOSIT: { description: 'A share of the price at order (depositPercent), the balance when released.' },
    FULL_PAYMENT: { description: 'Everything at order.' },
    PAY_ON_ARRIVAL: { description: 'Nothing at order (beyond a required down payment); a payment link when it reaches the warehouse.' },
    CHARGE_AT_SHIP: { description: 'The stored payment method is charged when the shipping date is fixed.' },
  },
});

export const PreorderCloseReasonEnum = graphqlEnum(preorderCloseReasons, {
  name: 'PreorderCloseReason',
  valuesConfig: {
    SCHEDULED: { description: 'Closed on its date.' },
    SOLD_OUT: { description: 'The limited run sold out.' },
    MAKER_REQUEST: { description: 'The maker asked to stop taking orders.' },
    STORE_DECISION: { description: 'The store stopped taking orders.' },
    STATUS_CHANGED: { description: 'Staff moved the product on (or discontinued it).' },
  },
});

export const PreorderCampaignStateEnum = graphqlEnum(campaignStates, {
  name: 'PreorderCampaignState',
  valuesConfig: {
    SCHEDULED: { description: 'Opens on its own at opensAt.' },
    OPEN: { description: 'Taking preorders.' },
    CLOSED: { description: 'No longer taking preorders.' },
  },
});
