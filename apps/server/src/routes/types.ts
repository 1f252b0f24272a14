import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/** A module's routes: thin handlers that parse with the contract, call core and return. */
export type Routes = FastifyPluginAsyncZod;
