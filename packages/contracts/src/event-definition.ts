import type { z } from 'zod';
import type { Topic } from './topics.js';

export interface EventDefinition<TSchema extends z.ZodType = z.ZodType> {
  readonly type: string;
  readonly version: number;
  readonly topic: Topic;
  readonly schema: TSchema;
}

export type EventData<TDef extends EventDefinition> = z.infer<TDef['schema']>;
