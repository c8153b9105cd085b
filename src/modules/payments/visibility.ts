import { defineVisibility } from '../../platform/db/visibility.js';
import type { PaymentsTables, PaymentsViews } from './repo.js';

const payment = { orgs: ['org_id'], shopper: 'shopper_id' } as const;
const sandbox = { internal: "the sandbox provider's own books, as a real provider's would be" } as const;

defineVisibility<PaymentsTables & PaymentsViews>({
  payments_payment: payment,
  payments_payment_view: payment,
  payments_refund: { orgs: ['org_id'] },
  payments_refund_view: { orgs: ['org_id'] },
  payments_transfer: { orgs: ['org_id'] },
  payments_notification: { internal: "the provider's notifications as they came, for the payment they name" },
  payments_intent: { internal: 'provider calls to make after commit' },
  payments_sandbox_charge: sandbox,
  payments_sandbox_notice: sandbox,
  payments_sandbox_refund: sandbox,
  payments_sandbox_transfer: sandbox,
});
