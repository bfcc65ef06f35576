import { type Actor, canManageOrganizations, ForbiddenError } from '@liaison/core';

export function requireOrganizationManagement(actor: Actor): void {
  if (!canManageOrganizations(actor)) {
    throw new ForbiddenError('Only the portal operator manages organizations');
  }
}
