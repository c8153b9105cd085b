import type { FastifyReply, FastifyRequest } from 'fastify';
import { access } from '../../platform/http/access.js';
import { IdParams, Ok, Page, PageQuery } from '../../platform/http/schemas.js';
import type { App } from '../../platform/http/server.js';
import { handleWrite, memberOf, type Runtime, scopeOf, shopperOf } from '../../platform/module.js';
import type { WriteRequest } from '../../platform/write.js';
import { csrfCookie, sessionCookie } from './authenticate.js';
import { addAddress, removeAddress, updateAddress } from './commands/addresses.js';
import { createApiKey, revokeApiKey } from './commands/api-keys.js';
import { addMember, removeMember, updateMember } from './commands/members.js';
import { createOrg, updateOrg } from './commands/orgs.js';
import {
  changePassword,
  loginMember,
  loginShopper,
  logout,
  type NewSession,
  preparePasswordChange,
  registerShopper,
  switchOrg,
} from './commands/sessions.js';
import { hashPassword } from './domain/credentials.js';
import {
  getMe,
  getOrg,
  listAddresses,
  listApiKeys,
  listAudit,
  listDirectory,
  listMembers,
  listOrgs,
} from './queries.js';
import {
  AddAddressBody,
  AddMemberBody,
  ApiKey,
  ApiKeyListQuery,
  AuditEntry,
  AuditQuery,
  ChangePasswordBody,
  CreateApiKeyBody,
  CreatedApiKey,
  CreateOrgBody,
  DirectoryQuery,
  LoginBody,
  Me,
  Member,
  MemberListQuery,
  Org,
  OrgListQuery,
  PasswordChanged,
  RegisterShopperBody,
  Removed,
  SessionOut,
  ShopperAddress,
  ShopperLoginBody,
  SwitchOrgBody,
  SwitchOrgOut,
  UpdateAddressBody,
  UpdateMemberBody,
  UpdateOrgBody,
} from './schema.js';

const tags = ['identity'];

export function identityRoutes(app: App, rt: Runtime): void {
  const { db, config } = rt;
  const sessionDeps = { db, clock: rt.clock, hooks: rt.hooks, config };
  const loginLimit = { rateLimit: { max: config.loginRatePerMinute, timeWindow: '1 minute' } };

  // A sign-in is not replayed: its stored response would hold a live session token, readable by
  // anyone who reads the idempotency table. Each sign-in makes its own session.
  const writeReq = (req: FastifyRequest): WriteRequest => ({
    principal: req.principal,
    requestId: req.id,
    ip: req.ip,
    idempotencyKey: null,
  });

  const setSessionCookies = (reply: FastifyReply, s: NewSession) => {
    const expires = new Date(s.expiresAt);
    reply.setCookie(sessionCookie, s.token, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: config.cookieSecure,
      expires,
    });
    reply.setCookie(csrfCookie, s.csrfToken, {
      path: '/',
      httpOnly: false,
      sameSite: 'lax',
      secure: config.cookieSecure,
      expires,
    });
    return { csrfToken: s.csrfToken, expiresAt: s.expiresAt };
  };

  app.post(
    '/api/auth/login',
    {
      schema: {
        tags,
        summary: 'Sign in a member (sets the session cookie)',
        body: LoginBody,
        response: { 200: SessionOut },
      },
      config: { access: access.public, ...loginLimit },
    },
    async (req, reply) =>
      setSessionCookies(
        reply,
        await loginMember(sessionDeps, writeReq(req), req.body, req.headers['user-agent'] ?? null),
      ),
  );

  app.post(
    '/api/auth/logout',
    {
      schema: { tags, summary: 'End the current session', response: { 200: Ok } },
      config: { access: access.signedIn },
    },
    async (req, reply) => {
      const result = await handleWrite(
        rt,
        req,
        reply,
        { action: 'identity.session.revoke', objectType: 'session' },
        (ctx) => logout(ctx, req.principal!),
      );
      reply.clearCookie(sessionCookie, { path: '/' }).clearCookie(csrfCookie, { path: '/' });
      return result;
    },
  );

  app.get(
    '/api/auth/me',
    { schema: { tags, summary: 'Who am I', response: { 200: Me } }, config: { access: access.signedIn } },
    async (req) => getMe(db, req.principal!),
  );

  app.post(
    '/api/auth/password',
    {
      schema: {
        tags,
        summary: 'Change your password (ends your other sessions)',
        body: ChangePasswordBody,
        response: { 200: PasswordChanged },
      },
      config: { access: access.signedIn, ...loginLimit },
    },
    async (req, reply) => {
      const change = await preparePasswordChange(db, req.principal!, req.body);
      return handleWrite(rt, req, reply, { action: 'identity.password.change' }, (ctx) =>
        changePassword(ctx, req.principal!, change),
      );
    },
  );

  app.post(
    '/api/auth/switch-org',
    {
      schema: {
        tags,
        summary: 'Act for another organisation you belong to',
        body: SwitchOrgBody,
        response: { 200: SwitchOrgOut },
      },
      config: { access: access.member() },
    },
    async (req, reply) =>
      handleWrite(rt, req, reply, { action: 'identity.session.switch_org', objectType: 'session' }, (ctx) =>
        switchOrg(ctx, req.principal!, req.body.orgId),
      ),
  );

  app.post(
    '/api/shop/auth/register',
    {
      schema: {
        tags: ['shop'],
        summary: 'Create a shopper account and sign in',
        body: RegisterShopperBody,
        response: { 201: SessionOut },
      },
      config: { access: access.public, ...loginLimit },
    },
    async (req, reply) => {
      const passwordHash = await hashPassword(req.body.password);
      const session = await handleWrite(
        rt,
        req,
        reply,
        { action: 'identity.shopper.create', status: 201 },
        (ctx) =>
          registerShopper(sessionDeps, ctx, { ...req.body, passwordHash }, req.headers['user-agent'] ?? null),
      );
      return setSessionCookies(reply, session);
    },
  );

  app.post(
    '/api/shop/auth/login',
    {
      schema: {
        tags: ['shop'],
        summary: 'Sign in a shopper',
        body: ShopperLoginBody,
        response: { 200: SessionOut },
      },
      config: { access: access.public, ...loginLimit },
    },
    async (req, reply) =>
      setSessionCookies(
        reply,
        await loginShopper(sessionDeps, writeReq(req), req.body, req.headers['user-agent'] ?? null),
      ),
  );

  const shop = { tags: ['shop'] };
  const shopper = { access: access.shopper };
  app.get(
    '/api/shop/addresses',
    {
      schema: {
        ...shop,
        summary: "The shopper's address book, oldest first (one is the default)",
        querystring: PageQuery,
        response: { 200: Page(ShopperAddress) },
      },
      config: shopper,
    },
    async (req) => listAddresses(db, shopperOf(req), req.query),
  );
  app.post(
    '/api/shop/addresses',
    {
      schema: {
        ...shop,
        summary: 'Keep an address in the address book (the first one becomes the default)',
        body: AddAddressBody,
        response: { 201: ShopperAddress },
      },
      config: shopper,
    },
    async (req, reply) =>
      handleWrite(rt, req, reply, { action: 'identity.address.create', status: 201 }, (ctx) =>
        addAddress(ctx, shopperOf(req), req.body),
      ),
  );
  app.patch(
    '/api/shop/addresses/:id',
    {
      schema: {
        ...shop,
        summary: 'Change an address, or make it the default',
        params: IdParams,
        body: UpdateAddressBody,
        response: { 200: ShopperAddress },
      },
      config: shopper,
    },
    async (req, reply) =>
      handleWrite(rt, req, reply, { action: 'identity.address.update', objectType: 'address' }, (ctx) =>
        updateAddress(ctx, shopperOf(req), req.params.id, req.body),
      ),
  );
  app.delete(
    '/api/shop/addresses/:id',
    {
      schema: {
        ...shop,
        summary: 'Remove an address (the newest left becomes the default)',
        params: IdParams,
        response: { 200: Removed },
      },
      config: shopper,
    },
    async (req, reply) =>
      handleWrite(rt, req, reply, { action: 'identity.address.delete', objectType: 'address' }, (ctx) =>
        removeAddress(ctx, shopperOf(req), req.params.id),
      ),
  );

  app.get(
    '/api/orgs',
    {
      schema: {
        tags,
        summary: 'Organisations you can see',
        querystring: OrgListQuery,
        response: { 200: Page(Org) },
      },
      config: { access: access.member() },
    },
    async (req) => listOrgs(scopeOf(db, req), req.query),
  );

  app.get(
    '/api/directory',
    {
      schema: {
        tags,
        summary: 'The partner directory: active retailers and their stores',
        querystring: DirectoryQuery,
        response: { 200: Page(Org) },
      },
      config: { access: access.member() },
    },
    async (req) => listDirectory(db, req.query),
  );

  app.post(
    '/api/orgs',
    {
      schema: {
        tags,
        summary: 'Onboard an organisation (operator) or open a store (retailer)',
        body: CreateOrgBody,
        response: { 201: Org },
      },
      config: { access: access.member('admin', ['platform', 'retailer']) },
    },
    async (req, reply) => {
      const { owner, ...org } = req.body;
      const ownerAccount = owner && {
        email: owner.email,
        name: owner.name,
        passwordHash: await hashPassword(owner.password),
      };
      return handleWrite(rt, req, reply, { action: 'identity.org.create', status: 201 }, (ctx) =>
        createOrg(ctx, memberOf(req), { ...org, owner: ownerAccount }),
      );
    },
  );

  app.get(
    '/api/orgs/:id',
    {
      schema: { tags, summary: 'One organisation', params: IdParams, response: { 200: Org } },
      config: { access: access.member() },
    },
    async (req) => getOrg(scopeOf(db, req), req.params.id),
  );

  app.patch(
    '/api/orgs/:id',
    {
      schema: {
        tags,
        summary: 'Change an organisation',
        params: IdParams,
        body: UpdateOrgBody,
        response: { 200: Org },
      },
      config: { access: access.member('admin') },
    },
    async (req, reply) =>
      handleWrite(rt, req, reply, { action: 'identity.org.update', objectType: 'org' }, (ctx) =>
        updateOrg(ctx, scopeOf(db, req), memberOf(req), req.params.id, req.body),
      ),
  );

  app.get(
    '/api/members',
    {
      schema: {
        tags,
        summary: 'Members of your organisation (or one you can see)',
        querystring: MemberListQuery,
        response: { 200: Page(Member) },
      },
      config: { access: access.member() },
    },
    async (req) => listMembers(scopeOf(db, req), req.query.orgId ?? memberOf(req).orgId, req.query),
  );

  app.post(
    '/api/members',
    {
      schema: {
        tags,
        summary: 'Add a user to an organisation',
        body: AddMemberBody,
        response: { 201: Member },
      },
      config: { access: access.member('admin') },
    },
    async (req, reply) => {
      const p = memberOf(req);
      const passwordHash = req.body.password ? await hashPassword(req.body.password) : undefined;
      return handleWrite(rt, req, reply, { action: 'identity.member.create', status: 201 }, (ctx) =>
        addMember(ctx, p, { ...req.body, passwordHash, orgId: req.body.orgId ?? p.orgId }),
      );
    },
  );

  app.patch(
    '/api/members/:id',
    {
      schema: {
        tags,
        summary: "Change a member's role",
        params: IdParams,
        body: UpdateMemberBody,
        response: { 200: Member },
      },
      config: { access: access.member('admin') },
    },
    async (req, reply) =>
      handleWrite(rt, req, reply, { action: 'identity.member.update', objectType: 'membership' }, (ctx) =>
        updateMember(ctx, scopeOf(db, req), memberOf(req), req.params.id, req.body),
      ),
  );

  app.delete(
    '/api/members/:id',
    {
      schema: { tags, summary: 'Remove a member', params: IdParams, response: { 200: Removed } },
      config: { access: access.member('admin') },
    },
    async (req, reply) =>
      handleWrite(rt, req, reply, { action: 'identity.member.delete', objectType: 'membership' }, (ctx) =>
        removeMember(ctx, scopeOf(db, req), memberOf(req), req.params.id),
      ),
  );

  app.get(
    '/api/api-keys',
    {
      schema: {
        tags,
        summary: 'API keys of your organisation',
        querystring: ApiKeyListQuery,
        response: { 200: Page(ApiKey) },
      },
      config: { access: access.member('admin') },
    },
    async (req) => listApiKeys(scopeOf(db, req), req.query.orgId ?? memberOf(req).orgId, req.query),
  );

  app.post(
    '/api/api-keys',
    {
      schema: {
        tags,
        summary: 'Create an API key (the secret is shown once)',
        body: CreateApiKeyBody,
        response: { 201: CreatedApiKey },
      },
      config: { access: access.member('admin') },
    },
    async (req, reply) =>
      handleWrite(rt, req, reply, { action: 'identity.api_key.create', status: 201 }, (ctx) =>
        createApiKey(ctx, scopeOf(db, req), memberOf(req), req.body),
      ),
  );

  app.delete(
    '/api/api-keys/:id',
    {
      schema: { tags, summary: 'Revoke an API key', params: IdParams, response: { 200: ApiKey } },
      config: { access: access.member('admin') },
    },
    async (req, reply) =>
      handleWrite(rt, req, reply, { action: 'identity.api_key.revoke', objectType: 'api_key' }, (ctx) =>
        revokeApiKey(ctx, scopeOf(db, req), req.params.id),
      ),
  );

  app.get(
    '/api/audit-log',
    {
      schema: {
        tags,
        summary: 'Audit log of every write',
        querystring: AuditQuery,
        response: { 200: Page(AuditEntry) },
      },
      config: { access: access.member('admin') },
    },
    async (req) => listAudit(scopeOf(db, req), req.query),
  );
}
