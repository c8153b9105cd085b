import { defineVisibility } from '../../platform/db/visibility.js';
import type { WebhookTables } from './repo.js';

defineVisibility<WebhookTables>({
  webhooks_endpoint: { orgs: ['org_id'] },
  webhooks_delivery: { orgs: ['org_id'] },
  webhooks_attempt: { orgs: ['org_id'] },
});
