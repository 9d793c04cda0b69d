import { defineEntity, p } from '@mikro-orm/core';

/** Customers whose account was deleted (CustomerDeleted): their access tokens may still be valid for minutes, their orders are refused. */
export const DeletedCustomerSchema = defineEntity({
  name: 'DeletedCustomer',
  tableName: 'deleted_customer',
  properties: {
    customerId: p.uuid().primary(),
    deletedAt: p.datetime(),
  },
});

export class DeletedCustomer extends DeletedCustomerSchema.class {}
DeletedCustomerSchema.setClass(DeletedCustomer);
