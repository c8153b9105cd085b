import { access } from '../../platform/http/access.js';
import { Page } from '../../platform/http/schemas.js';
import type { App } from '../../platform/http/server.js';
import { memberOf, type Runtime } from '../../platform/module.js';
import { listBalances, listEntries } from './queries.js';
import { BalanceQuery, Balances, Entry, StatementQuery } from './schema.js';

const tags = ['ledger'];
// Those who hold accounts read them: the operator, brands, and retailers (their stores' share).
const read = { access: access.member('viewer', ['platform', 'brand', 'retailer']) };

export function ledgerRoutes(app: App, rt: Runtime): void {
  const { db } = rt;
  app.get(
    '/api/ledger/balances',
    {
      schema: {
        tags,
        summary: "Balances of the organisation's accounts (the operator: every account)",
        querystring: BalanceQuery,
        response: { 200: Balances },
      },
      config: read,
    },
    async (req) => listBalances(db, memberOf(req), req.query),
  );
  app.get(
    '/api/ledger/entries',
    {
      schema: {
        tags,
        summary: 'The statement: ledger entries, newest first',
        querystring: StatementQuery,
        response: { 200: Page(Entry) },
      },
      config: read,
    },
    async (req) => listEntries(db, memberOf(req), req.query),
  );
}
