import { Directive, Field, ID, ObjectType } from 'type-graphql';
import type { Customer } from '../store/customer.entity.js';

@ObjectType('Customer', { description: 'A person with an account: a shopper, and possibly staff or an admin.' })
@Directive('@key(fields: "id")')
export class CustomerType {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  displayName!: string;

  @Field(() => String, { description: 'Country of residence (ISO 3166-1 alpha-2): where orders ship, which region blocks apply.' })
  country!: string;

  @Field(() => Date)
  createdAt!: Date;

  // email and roles are field resolvers (customer.resolver.ts): private to the customer and staff.
  privateEmail!: string;
  privateRoles!: string[];
  privateEmailVerified!: boolean;
  /** Set when this answer goes to the customer themselves (register, login, me), whose token may not exist yet. */
  revealPrivate!: boolean;

  static from(customer: Customer, options: { revealPrivate: boolean }): CustomerType {
    return Object.assign(new CustomerType(), {
      id: customer.id,
      displayName: customer.displayName,
      country: customer.country,
      createdAt: customer.createdAt,
      privateEmail: customer.email,
      privateRoles: [...customer.roles],
      privateEmailVerified: customer.emailVerifiedAt != null,
      revealPrivate: options.revealPrivate,
    });
  }
}
