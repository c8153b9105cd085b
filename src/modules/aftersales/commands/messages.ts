import { iso } from '../../../platform/clock.js';
import { newId } from '../../../platform/ids.js';
import { actorId } from '../../../platform/principal.js';
import type { WriteCtx } from '../../../platform/write.js';
import type { ClaimRow } from './move.js';

/** Adds a message to a claim's thread between the shopper, the merchant and the operator. */
export async function postMessage(
  ctx: WriteCtx,
  claim: ClaimRow,
  author: 'shopper' | 'merchant' | 'operator',
  body: string,
) {
  const id = newId('clmsg');
  const at = iso(ctx.now);
  await ctx.trx
    .insertInto('aftersales_message')
    .values({
      id,
      claim_id: claim.id,
      author_type: author,
      author_id: actorId(ctx.principal),
      body,
      created_at: at,
    })
    .execute();
  await ctx.emit({
    type: 'aftersales.message_posted',
    aggregateId: claim.id,
    orgId: claim.org_id,
    payload: { author },
  });
  return { id, author, body, at };
}
