import { access } from '../../platform/http/access.js';
import { Page } from '../../platform/http/schemas.js';
import type { App } from '../../platform/http/server.js';
import { handleWrite, memberOf, type Runtime } from '../../platform/module.js';
import { createAgreement, moveAgreement, signAddendum, updateAgreement } from './commands/agreements.js';
import { getAgreement, listAgreements } from './queries.js';
import {
  AddendumBody,
  Agreement,
  AgreementQuery,
  AgreementWithHistory,
  CreateAgreementBody,
  IdParam,
  MoveBody,
  UpdateAgreementBody,
} from './schema.js';

const tags = ['partnership'];
const read = { access: access.member('viewer', ['brand', 'retailer', 'platform']) };
const brandWrite = { access: access.member('admin', ['brand']) };
// Moves are made by either party (the command checks which party may make which move).
const partyWrite = { access: access.member('admin', ['brand', 'retailer']) };

export function partnershipRoutes(app: App, rt: Runtime): void {
  const { db, clock } = rt;
  app.get(
    '/api/agreements',
    {
      schema: {
        tags,
        summary: 'Agreements the organisation is a party to',
        querystring: AgreementQuery,
        response: { 200: Page(Agreement) },
      },
      config: read,
    },
    async (req) => listAgreements(db, memberOf(req), clock.now(), req.query),
  );
  app.post(
    '/api/agreements',
    {
      schema: {
        tags,
        summary: 'Draft an agreement with a retailer',
        body: CreateAgreementBody,
        response: { 201: AgreementWithHistory },
      },
      config: brandWrite,
    },
    async (req, reply) =>
      handleWrite(rt, req, reply, { action: 'partnership.agreement.create', status: 201 }, (ctx) =>
        createAgreement(ctx, memberOf(req), req.body),
      ),
  );
  app.get(
    '/api/agreements/:id',
    {
      schema: {
        tags,
        summary: 'An agreement with its history',
        params: IdParam,
        response: { 200: AgreementWithHistory },
      },
      config: read,
    },
    async (req) => getAgreement(db, memberOf(req), req.params.id, clock.now()),
  );
  app.patch(
    '/api/agreements/:id',
    {
      schema: {
        tags,
        summary: 'Change the terms of a draft',
        params: IdParam,
        body: UpdateAgreementBody,
        response: { 200: AgreementWithHistory },
      },
      config: brandWrite,
    },
    async (req, reply) =>
      handleWrite(
        rt,
        req,
        reply,
        { action: 'partnership.agreement.update', objectType: 'agreement' },
        (ctx) => updateAgreement(ctx, memberOf(req), req.params.id, req.body),
      ),
  );
  app.post(
    '/api/agreements/:id/addenda',
    {
      schema: {
        tags,
        summary: 'Record an addendum both parties signed (term, scope, commitments)',
        params: IdParam,
        body: AddendumBody,
        response: { 200: AgreementWithHistory },
      },
      config: brandWrite,
    },
    async (req, reply) =>
      handleWrite(
        rt,
        req,
        reply,
        { action: 'partnership.agreement.addendum', objectType: 'agreement' },
        (ctx) => signAddendum(ctx, memberOf(req), req.params.id, req.body),
      ),
  );
  app.post(
    '/api/agreements/:id/moves',
    {
      schema: {
        tags,
        summary: 'Propose, withdraw, accept, decline, suspend, resume or terminate',
        description:
          'The brand proposes, withdraws and resumes; the retailer accepts or declines; either suspends or terminates.',
        params: IdParam,
        body: MoveBody,
        response: { 200: AgreementWithHistory },
      },
      config: partyWrite,
    },
    async (req, reply) =>
      handleWrite(rt, req, reply, { action: 'partnership.agreement.move', objectType: 'agreement' }, (ctx) =>
        moveAgreement(ctx, memberOf(req), req.params.id, req.body.move, req.body.note),
      ),
  );
}
