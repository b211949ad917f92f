/** Metadata keys read by the global guards. */
export const IS_PUBLIC = 'wiztc:isPublic';
export const ROLES_METADATA = 'wiztc:roles';
