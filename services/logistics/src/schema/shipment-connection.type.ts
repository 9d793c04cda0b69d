import { Field, ObjectType } from 'type-graphql';
import { PageInfo } from '@vitrine/platform';
import { ShipmentType } from './shipment.type.js';

@ObjectType('ShipmentEdge')
export class ShipmentEdge {
  @Field(() => ShipmentType)
  node!: ShipmentType;

  @Field(() => String)
  cursor!: string;
}

@ObjectType('ShipmentConnection', { description: 'The shipment queue, oldest first.' })
export class ShipmentConnection {
  @Field(() => [ShipmentEdge])
  edges!: ShipmentEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;
}
