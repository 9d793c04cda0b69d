import 'reflect-metadata';
import { graphql, type GraphQLObjectType } from 'graphql';
import { buildSchema, Field, ObjectType, Query, Resolver, UseMiddleware, type MiddlewareFn } from 'type-graphql';
import { describe, expect, it } from 'vitest';
import { scopedAuthorization } from '../auth/scoped-authorization.js';
import { readPlainFieldsDirectly } from './plain-fields.js';

const { Staff } = scopedAuthorization({ scopes: ['catalog:write'] as const });

const heard: string[] = [];
const noting =
  (what: string): MiddlewareFn =>
  async (_, next) => {
    heard.push(what);
    return next();
  };

@ObjectType('PlainFigure')
class Figure {
  @Field(() => String)
  name!: string;

  @Field(() => String, { name: 'studioName' })
  studio!: string;

  @Staff('catalog:write')
  @Field(() => Number)
  cost!: number;

  @UseMiddleware(noting('sku'))
  @Field(() => String)
  sku!: string;

  @Field(() => String)
  get title(): string {
    return `${this.name} (${this.studio})`;
  }
}

@ObjectType('PlainWatchedFigure')
@UseMiddleware(noting('watched'))
class WatchedFigure {
  @Field(() => String)
  name!: string;
}

@Resolver()
class FigureResolver {
  @Query(() => Figure)
  figure(): Figure {
    return Object.assign(new Figure(), { name: 'Rengoku', studio: 'Aniplex', cost: 9000, sku: 'ANX-1' });
  }

  @Query(() => WatchedFigure)
  watched(): WatchedFigure {
    return Object.assign(new WatchedFigure(), { name: 'Tanjiro' });
  }
}

async function schemaWithScopes(scopes: string[]) {
  readPlainFieldsDirectly();
  const schema = await buildSchema({
    resolvers: [FigureResolver],
    authChecker: (_, roles) => roles.every((role) => scopes.includes(String(role))),
  });
  return schema;
}

describe('plain fields read directly', () => {
  it('leaves a field that only reads its property to graphql, and wraps the others', async () => {
    const schema = await schemaWithScopes([]);
    const fields = (schema.getType('PlainFigure') as GraphQLObjectType).getFields();
    expect(fields.name!.resolve).toBeUndefined();
    expect(fields.studioName!.resolve).toBeTypeOf('function');
    expect(fields.cost!.resolve).toBeTypeOf('function');
    expect(fields.sku!.resolve).toBeTypeOf('function');
    expect((schema.getType('PlainWatchedFigure') as GraphQLObjectType).getFields().name!.resolve).toBeTypeOf('function');
  });

  it('answers as before: renamed fields, getters, middlewares on a field and on a class', async () => {
    heard.length = 0;
    const schema = await schemaWithScopes([]);
    const result = await graphql({ schema, source: '{ figure { name studioName title sku } watched { name } }' });
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      figure: { name: 'Rengoku', studioName: 'Aniplex', title: 'Rengoku (Aniplex)', sku: 'ANX-1' },
      watched: { name: 'Tanjiro' },
    });
    expect(heard.sort()).toEqual(['sku', 'watched']);
  });

  it('still refuses a guarded field to a caller without its scope', async () => {
    const refused = await graphql({ schema: await schemaWithScopes([]), source: '{ figure { name cost } }' });
    expect(refused.errors?.[0]?.message).toMatch(/Access denied/);
    const allowed = await graphql({ schema: await schemaWithScopes(['catalog:write']), source: '{ figure { cost } }' });
    expect(allowed.data).toEqual({ figure: { cost: 9000 } });
  });
});
