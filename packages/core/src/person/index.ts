export { idNumberHash, personViews, upsertPerson } from './person.ts';
