import { type Codes, defineErrors } from '../../platform/errors.js';

export const identityErrors = defineErrors({
  'identity.invalid_credentials': 'unauthenticated',
  'identity.account_locked': 'locked',
  'identity.account_disabled': 'forbidden',
  'identity.no_membership': 'forbidden',
  'identity.email_taken': 'conflict',
  'identity.member_exists': 'conflict',
  'identity.last_owner': 'conflict',
  'identity.org_kind_not_allowed': 'forbidden',
  'identity.parent_invalid': 'unprocessable',
  'identity.role_too_high': 'forbidden',
  'identity.api_key_revoked': 'conflict',
  'identity.password_changed': 'conflict',
  'identity.address_book_full': 'conflict',
});

declare module '../../platform/errors.js' {
  interface ErrorCatalog extends Codes<typeof identityErrors> {}
}
