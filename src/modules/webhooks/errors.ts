import { type Codes, defineErrors } from '../../platform/errors.js';

export const webhookErrors = defineErrors({
  'webhooks.delivery_pending': 'conflict',
  'webhooks.endpoint_inactive': 'conflict',
  'webhooks.target_not_allowed': 'unprocessable',
});

declare module '../../platform/errors.js' {
  interface ErrorCatalog extends Codes<typeof webhookErrors> {}
}
